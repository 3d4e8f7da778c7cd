import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '@bureaunet/directory';
import { IdentityModule } from '@bureaunet/identity';
import { DeadLetterStore, PersistenceModule, megabytes } from '@bureaunet/persistence';
import { CLOCK, ReadinessLogger, ROLE_TOKENS, RoleGuard, systemClock, type Clock } from '@bureaunet/platform';
import { TransportModule } from '@bureaunet/transport';
import { DeadLetterController } from './dead-letter/dead-letter.controller';
import { DeadLetterService } from './dead-letter/dead-letter.service';
import { DiffusionController } from './diffusion/diffusion.controller';
import { DiffusionService } from './diffusion/diffusion.service';
import { HealthController } from './health/health.controller';
import { NODE_HEALTH_PROVIDERS } from './health/health.providers';
import { HealthService } from './health/health.service';
import { UuidV7Generator } from './id/uuidv7';
import { EnvelopeAuthenticator } from './inbox/envelope.authenticator';
import { InboxController } from './inbox/inbox.controller';
import { InboxHandler } from './inbox/inbox.handler';
import { InboxService } from './inbox/inbox.service';
import { ReceivedMessageRepository } from './inbox/received-message.repository';
import { RejectedDeliveryQuery } from './inbox/rejected-delivery.query';
import { RejectedDeliveryRecorder } from './inbox/rejected-delivery.recorder';
import { RejectedDeliveryRepository } from './inbox/rejected-delivery.repository';
import { MessageController } from './message/message.controller';
import { MessageService } from './message/message.service';
import { NoticeController } from './notice/notice.controller';
import { NoticeService } from './notice/notice.service';
import { NoticeStore } from './notice/notice.store';
import { NodeRuntimeModule } from './node-runtime.module';
import { nodeRoleTokens, type NodeConfig } from './node.config';
import { NODE_ENTITIES } from './node.entities';
import { NODE_MIGRATIONS } from './migrations';
import { DeliveryReportService } from './outbox/delivery-report.service';
import { OutboxController } from './outbox/outbox.controller';
import { OutboxPublisher } from './outbox/outbox.publisher';
import { OutboxRepublisher } from './outbox/outbox.republisher';
import { OutboxService } from './outbox/outbox.service';
import { OutgoingEnvelopeFactory } from './outbox/outgoing-envelope.factory';
import { RecipientResolver } from './outbox/recipient.resolver';
import { SentMessageRepository } from './outbox/sent-message.repository';
import { OperationController } from './operation/operation.controller';
import { OperationDirectory } from './operation/operation.directory';
import { OperationService } from './operation/operation.service';
import { ReceiptIssuer } from './receipt/receipt.issuer';
import { ReceiptService } from './receipt/receipt.service';
import { RejectionIssuer } from './receipt/rejection.issuer';
import { NoticeSearch } from './search/notice.search';
import { WorkflowRecorder } from './workflow/workflow.recorder';
import { WorkflowSender } from './workflow/workflow.sender';

export interface NodeModuleOptions {
  /** Tests set the time; the system clock otherwise. */
  clock?: Clock;
}

@Module({})
export class NodeModule {
  static forRoot(config: NodeConfig, options: NodeModuleOptions = {}): DynamicModule {
    return {
      module: NodeModule,
      imports: [
        NodeRuntimeModule.forRoot(config, options.clock ?? systemClock),
        TransportModule.forRoot({ servers: config.natsUrl, name: `node-${config.code}`, ...config.nats }),
        PersistenceModule.forRoot({
          database: join(config.dataDir, 'node.sqlite'),
          entities: NODE_ENTITIES,
          migrations: NODE_MIGRATIONS,
          maxBytes: megabytes(config.databaseMaxMb),
        }),
        IdentityModule.forRoot({
          code: config.code,
          dataDir: config.dataDir,
          enrolmentToken: config.enrolmentToken,
          renewal: config.renewal,
        }),
        DirectoryModule.forRoot({ stalenessMs: config.directoryStalenessMs }),
        TypeOrmModule.forFeature(NODE_ENTITIES),
        TerminusModule.forRoot({ logger: ReadinessLogger }),
      ],
      controllers: [
        HealthController,
        OutboxController,
        MessageController,
        InboxController,
        InboxHandler,
        NoticeController,
        DiffusionController,
        OperationController,
        DeadLetterController,
      ],
      providers: [
        { provide: ROLE_TOKENS, useValue: nodeRoleTokens(config) },
        RoleGuard,
        { provide: UuidV7Generator, inject: [CLOCK], useFactory: (clock: Clock) => new UuidV7Generator(clock) },
        HealthService,
        ...NODE_HEALTH_PROVIDERS,
        SentMessageRepository,
        ReceivedMessageRepository,
        RejectedDeliveryRepository,
        RecipientResolver,
        OutgoingEnvelopeFactory,
        OutboxPublisher,
        OutboxService,
        OutboxRepublisher,
        DeliveryReportService,
        EnvelopeAuthenticator,
        RejectedDeliveryRecorder,
        RejectedDeliveryQuery,
        ReceiptIssuer,
        ReceiptService,
        RejectionIssuer,
        InboxService,
        DeadLetterStore,
        DeadLetterService,
        MessageService,
        // workflows: notices, diffusions, operations, search
        WorkflowSender,
        WorkflowRecorder,
        NoticeStore,
        NoticeService,
        NoticeSearch,
        DiffusionService,
        OperationDirectory,
        OperationService,
      ],
    };
  }
}

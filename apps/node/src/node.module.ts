import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TerminusModule } from '@nestjs/terminus';
import { AccountsModule } from '@bureaunet/accounts';
import { ACTIVITY_PROVIDERS, ActivityController } from '@bureaunet/activity/server';
import { HUB_CODE } from '@bureaunet/contracts';
import { DirectoryModule } from '@bureaunet/directory';
import { IdentityModule } from '@bureaunet/identity';
import { DeadLetterStore, PersistenceModule, megabytes } from '@bureaunet/persistence';
import { ReadinessLogger, consoleStaticModule, roleGuardProviders, systemClock, type Clock } from '@bureaunet/platform';
import { TransportModule } from '@bureaunet/transport';
import { ActivityAnchorPublisher } from './activity/activity-anchor.publisher';
import { ArrivalHandler } from './arrival/arrival.handler';
import { ArrivalRouter } from './arrival/arrival.router';
import { CheckLogController } from './check/check-log.controller';
import { CheckLogService } from './check/check-log.service';
import { DocumentCheckController } from './check/document-check.controller';
import { DocumentCheckService } from './check/document-check.service';
import { BureauModule } from './bureau/bureau.module';
import { ConsentArrivalRecorder } from './consent/consent-arrival.recorder';
import { ConsentRequestRepository } from './store/consent-request.repository';
import { ConsentController } from './consent/consent.controller';
import { ConsentService } from './consent/consent.service';
import { ContentOriginCheck } from './handling/content-origin.check';
import { OutgoingMetaGuard } from './handling/outgoing-meta.guard';
import { ReceivedBodyDigestRepository } from './store/received-body-digest.repository';
import { DeadLetterController } from './dead-letter/dead-letter.controller';
import { DeadLetterService } from './dead-letter/dead-letter.service';
import { DiffusionController } from './diffusion/diffusion.controller';
import { EventStreamService } from './console-events/event-stream.service';
import { EvidenceCertificateCollector } from './evidence/evidence-certificates.collector';
import { EvidenceController } from './evidence/evidence.controller';
import { EvidenceExportService } from './evidence/evidence-export.service';
import {
  GATEWAY_TRAIL_SOURCE,
  REGISTRY_EVIDENCE_SOURCE,
  type GatewayTrailSource,
  type RegistryEvidenceSource,
} from './evidence/evidence-sources';
import { GatewayTrailClient } from './evidence/gateway-trail.client';
import { HeldEvidenceReader } from './evidence/held-evidence.reader';
import { RegistryEvidenceClient } from './evidence/registry-evidence.client';
import { EventsController } from './console-events/events.controller';
import { EvaluatorKeyPin } from './evaluation/evaluator-key.pin';
import { EvaluatorClient } from './evaluation/evaluator.client';
import { PoprfLoader } from './evaluation/poprf.loader';
import { HealthController } from './health/health.controller';
import { NODE_HEALTH_PROVIDERS } from './health/health.providers';
import { HealthService } from './health/health.service';
import { HitController } from './hit/hit.controller';
import { HitDeadlineSweep } from './hit/hit-deadline.sweep';
import { HitService } from './hit/hit.service';
import { HitProcedure } from './hit/hit.procedure';
import { HubModule } from './hub/hub.module';
import { EnvelopeAuthenticator } from './inbox/envelope.authenticator';
import { InboxController } from './inbox/inbox.controller';
import { InboxService } from './inbox/inbox.service';
import { RejectedDeliveryListService } from './inbox/rejected-delivery-list.service';
import { MessageController } from './message/message.controller';
import { MessageService } from './message/message.service';
import { NoticeController } from './notice/notice.controller';
import { NoticeSearchService } from './notice/notice-search.service';
import { NodeRuntimeModule } from './node-runtime.module';
import { nodeRoleTokens, type NodeConfig } from './node.config';
import { NODE_MIGRATIONS } from './migrations';
import { NODE_POSTGRES_MIGRATIONS } from './migrations/postgres';
import { OperationController } from './operation/operation.controller';
import { OperationDirectory } from './operation/operation.directory';
import { OperationService } from './operation/operation.service';
import { OperationReportService } from './operation/operation-report.service';
import { OutboxController } from './outbox/outbox.controller';
import { OutboxModule } from './outbox/outbox.module';
import { MessagePreviewService } from './outbox/message-preview.service';
import { OutboxService } from './outbox/outbox.service';
import { SendDryRun } from './outbox/send-dry-run';
import { RequestController } from './deadline/request.controller';
import { RequestEscalationSweep } from './deadline/request-escalation.sweep';
import { RequestService } from './deadline/request.service';
import { RequestTracker } from './deadline/request.tracker';
import { PersonCheckController } from './person-check/person-check.controller';
import { PersonCheckService } from './person-check/person-check.service';
import { PersonSourceReader } from './person-check/person-source.reader';
import { SoughtPersonIndex } from './person-check/sought-person.index';
import { ReceiptIssuer } from './receipt/receipt.issuer';
import { ReceiptService } from './receipt/receipt.service';
import { RejectionIssuer } from './receipt/rejection.issuer';
import { ReplicaFollower } from './replica/replica.follower';
import { ReplicaResync } from './replica/replica.resync';
import { ReplicaStatus } from './replica/replica.status';
import { NODE_ENTITIES } from './store/node.entities';
import { StoreModule } from './store/store.module';
import { HitArrivalRecorder } from './workflow/hit-arrival.recorder';
import { TravelDocumentController } from './travel-document/travel-document.controller';
import { TravelDocumentService } from './travel-document/travel-document.service';
import { WorkflowRecorder } from './workflow/workflow.recorder';
import { NoticeDuplicateFinder } from './notice/notice-duplicate.finder';

export interface NodeModuleOptions {
  /** Tests set the time; the system clock otherwise. */
  clock?: Clock;
  /** Tests compute the POPRF outputs with a key they hold; the hub's evaluator otherwise. */
  evaluator?: Pick<EvaluatorClient, 'outputs'>;
  /** Tests answer for the gateway's trail and the registry's statements; HTTP clients otherwise. */
  evidenceSources?: { gateway: GatewayTrailSource; registry: RegistryEvidenceSource };
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
          url: config.databaseUrl,
          entities: NODE_ENTITIES,
          migrations: NODE_MIGRATIONS,
          postgresMigrations: NODE_POSTGRES_MIGRATIONS,
          maxBytes: megabytes(config.databaseMaxMb),
        }),
        IdentityModule.forRoot({
          code: config.code,
          dataDir: config.dataDir,
          enrolmentToken: config.enrolmentToken,
          renewal: config.renewal,
        }),
        DirectoryModule.forRoot({ stalenessMs: config.directoryStalenessMs }),
        ScheduleModule.forRoot(),
        StoreModule,
        OutboxModule,
        // The one place that tells the hub from a bureau: the steps that differ live in these modules.
        config.code === HUB_CODE ? HubModule : BureauModule,
        TerminusModule.forRoot({ logger: ReadinessLogger }),
        consoleStaticModule(),
        AccountsModule.forRoot({
          service: { kind: 'node', code: config.code, hub: config.code === HUB_CODE },
          // Reviewers review notice requests and diffusions at the hub, and follow up a bureau's overdue requests.
          roles: ['officer', 'reviewer', 'coordinator', 'border-officer', 'admin'],
          clock: options.clock,
          dataDir: config.dataDir,
        }),
      ],
      controllers: [
        HealthController,
        OutboxController,
        MessageController,
        InboxController,
        ArrivalHandler,
        NoticeController,
        DiffusionController,
        RequestController,
        OperationController,
        DeadLetterController,
        HitController,
        TravelDocumentController,
        PersonCheckController,
        DocumentCheckController,
        CheckLogController,
        EventsController,
        ActivityController,
        ConsentController,
        EvidenceController,
      ],
      providers: [
        ...roleGuardProviders(() => nodeRoleTokens(config)),
        HealthService,
        ...NODE_HEALTH_PROVIDERS,
        OutboxService,
        MessagePreviewService,
        SendDryRun,
        RequestTracker,
        RequestService,
        RequestEscalationSweep,
        EnvelopeAuthenticator,
        RejectedDeliveryListService,
        ReceiptIssuer,
        ReceiptService,
        RejectionIssuer,
        HitArrivalRecorder,
        WorkflowRecorder,
        InboxService,
        ArrivalRouter,
        DeadLetterStore,
        DeadLetterService,
        MessageService,
        NoticeSearchService,
        NoticeDuplicateFinder,
        OperationDirectory,
        OperationService,
        OperationReportService,
        HitProcedure,
        HitService,
        HitDeadlineSweep,
        options.evaluator ? { provide: EvaluatorClient, useValue: options.evaluator } : EvaluatorClient,
        TravelDocumentService,
        // border checks: person checks, the evaluator client
        PersonSourceReader,
        SoughtPersonIndex,
        PersonCheckService,
        PoprfLoader,
        EvaluatorKeyPin,
        // Border checks: the replica of the travel-document index, document checks, the check log.
        ReplicaFollower,
        ReplicaResync,
        ReplicaStatus,
        DocumentCheckService,
        CheckLogService,
        EventStreamService,
        ...ACTIVITY_PROVIDERS,
        ActivityAnchorPublisher,
        // the data owner's handling codes and consent
        ReceivedBodyDigestRepository,
        ContentOriginCheck,
        OutgoingMetaGuard,
        ConsentRequestRepository,
        ConsentArrivalRecorder,
        ConsentService,
        // evidence export: what the node holds, the certificates, the gateway's and registry's parts
        HeldEvidenceReader,
        EvidenceCertificateCollector,
        EvidenceExportService,
        options.evidenceSources
          ? { provide: GATEWAY_TRAIL_SOURCE, useValue: options.evidenceSources.gateway }
          : { provide: GATEWAY_TRAIL_SOURCE, useClass: GatewayTrailClient },
        options.evidenceSources
          ? { provide: REGISTRY_EVIDENCE_SOURCE, useValue: options.evidenceSources.registry }
          : { provide: REGISTRY_EVIDENCE_SOURCE, useClass: RegistryEvidenceClient },
      ],
    };
  }
}

import { ACCOUNT_ENTITIES, AccountsModule } from '@bureaunet/accounts';
import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { join } from 'node:path';
import { DirectoryModule } from '@bureaunet/directory';
import { IdentityModule } from '@bureaunet/identity';
import { DeadLetterEntity, DeadLetterStore, PersistenceModule, megabytes } from '@bureaunet/persistence';
import { LEDGER_LOG_ENTITIES } from '@bureaunet/ledger/storage';
import {
  Clock,
  ReadinessLogger,
  RoleTokens,
  consoleStaticModule,
  roleGuardProviders,
  systemClock,
} from '@bureaunet/platform';
import { TransportModule } from '@bureaunet/transport';
import { GatewayDeadLetterController } from './dead-letter/dead-letter.controller';
import { GatewayDeadLetterService } from './dead-letter/dead-letter.service';
import { GatewayConfig } from './gateway.config';
import { GATEWAY_MIGRATIONS } from './migrations';
import { GATEWAY_POSTGRES_MIGRATIONS } from './migrations/postgres';
import { GatewayRuntimeModule } from './gateway-runtime.module';
import { DeliveryConsumersProvisioner } from './delivery-consumers/delivery-consumers.provisioner';
import { HealthController } from './health/health.controller';
import { GATEWAY_HEALTH_PROVIDERS } from './health/health.providers';
import { LedgerApiController } from './ledger-api/ledger-api.controller';
import { LedgerQueryService } from './ledger-api/ledger-query.service';
import { TrailController } from './ledger-api/trail.controller';
import { EvidenceBundleService } from './ledger-api/evidence-bundle.service';
import { LedgerSearchEntryEntity } from './ledger-search/ledger-search-entry.entity';
import { LedgerSearchController } from './ledger-search/ledger-search.controller';
import { LedgerSearchIndexer } from './ledger-search/ledger-search.indexer';
import { LedgerSearchService } from './ledger-search/ledger-search.service';
import { LEDGER_LOG_PROVIDERS } from './ledger/ledger-log.providers';
import { LedgerRecorder } from './ledger/ledger.recorder';
import { RecordedRegistryEventEntity } from './ledger/recorded-registry-event.entity';
import { ActivityAnchorHandler } from './ledger/activity-anchor.handler';
import { ActivityAnchorRecorder } from './ledger/activity-anchor.recorder';
import { RecordedActivityAnchorEntity } from './ledger/recorded-activity-anchor.entity';
import { RegistryEventHandler } from './ledger/registry-event.handler';
import { RegistryEventRecorder } from './ledger/registry-event.recorder';
import { TreeHeadService } from './ledger/tree-head.service';
import { CheckpointCosigner } from './ledger/checkpoint/checkpoint-cosigner.service';
import { CosignedCheckpointEntity } from './ledger/checkpoint/cosigned-checkpoint.entity';
import { WitnessClient } from './ledger/checkpoint/witness.client';
import { CheckpointController } from './ledger-api/checkpoint.controller';
import { CHECKPOINT_TIMESTAMP_CONFIG } from './timestamp/checkpoint-timestamp.config';
import { CheckpointTimestampController } from './timestamp/checkpoint-timestamp.controller';
import { CheckpointTimestampEntity } from './timestamp/checkpoint-timestamp.entity';
import { CheckpointTimestampService } from './timestamp/checkpoint-timestamp.service';
import { RulesStatusController } from './policy/rules-status.controller';
import { RulesCache } from './policy/rules.cache';
import { RulesPreviewHandler } from './preview/rules-preview.handler';
import { RulesPreviewService } from './preview/rules-preview.service';
import { SubmissionRateLimiter } from './policy/submission-rate.limiter';
import { SenderRateBucketEntity } from './policy/sender-rate-bucket.entity';
import { SenderRateBucketRepository } from './policy/sender-rate-bucket.repository';
import { GatewayLeaseEntity } from './lanes/gateway-lease.entity';
import { LANE_PROVIDERS } from './lanes/lanes.providers';
import { SubmissionLanes } from './submission-lanes/submission-lanes.service';
import { DeliveryPublisher } from './submission/delivery.publisher';
import { EnvelopeLineageEntity } from './submission/envelope-lineage.entity';
import { EnvelopeLineageRepository } from './submission/envelope-lineage.repository';
import { EnvelopeReceiptEntity } from './submission/envelope-receipt.entity';
import { EnvelopeReceiptRepository } from './submission/envelope-receipt.repository';
import { ConsentGrantEntity } from './submission/consent-grant.entity';
import { ConsentGrantRepository } from './submission/consent-grant.repository';
import { LineageReader } from './submission/lineage.reader';
import { ProcessedSubmissionEntity } from './submission/processed-submission.entity';
import { ProcessedSubmissionPruner } from './submission/processed-submission.pruner';
import { ProcessedSubmissionRepository } from './submission/processed-submission.repository';
import { ReceiptGate } from './submission/receipt.gate';
import { SubmissionDecider } from './submission/submission.decider';
import { SubmissionHandler } from './submission/submission.handler';
import { SubmissionService } from './submission/submission.service';

export const GATEWAY_ENTITIES = [
  ...LEDGER_LOG_ENTITIES,
  ...ACCOUNT_ENTITIES,
  RecordedRegistryEventEntity,
  RecordedActivityAnchorEntity,
  ProcessedSubmissionEntity,
  EnvelopeLineageEntity,
  EnvelopeReceiptEntity,
  ConsentGrantEntity,
  DeadLetterEntity,
  LedgerSearchEntryEntity,
  CosignedCheckpointEntity,
  CheckpointTimestampEntity,
  GatewayLeaseEntity,
  SenderRateBucketEntity,
];

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        GatewayRuntimeModule.forRoot(config, clock),
        TransportModule.forRoot({ servers: config.natsUrl, name: 'gateway', ...config.nats }),
        PersistenceModule.forRoot({
          database: join(config.dataDir, 'gateway.sqlite'),
          url: config.databaseUrl,
          entities: GATEWAY_ENTITIES,
          migrations: GATEWAY_MIGRATIONS,
          postgresMigrations: GATEWAY_POSTGRES_MIGRATIONS,
          maxBytes: megabytes(config.databaseMaxMb),
        }),
        TypeOrmModule.forFeature(GATEWAY_ENTITIES),
        IdentityModule.forRoot({
          code: config.code,
          dataDir: join(config.dataDir, 'identity'),
          enrolmentToken: config.enrolmentToken,
          renewal: config.renewal,
        }),
        DirectoryModule.forRoot({ stalenessMs: config.directoryStalenessMs }),
        TerminusModule.forRoot({ logger: ReadinessLogger }),
        consoleStaticModule(),
        AccountsModule.forRoot({
          service: { kind: 'gateway' },
          roles: ['admin', 'auditor'],
          clock,
          dataDir: config.dataDir,
        }),
        ScheduleModule.forRoot(),
      ],
      controllers: [
        HealthController,
        RegistryEventHandler,
        ActivityAnchorHandler,
        LedgerApiController,
        TrailController,
        CheckpointController,
        LedgerSearchController,
        RulesStatusController,
        GatewayDeadLetterController,
        RulesPreviewHandler,
        CheckpointTimestampController,
      ],
      providers: [
        ...roleGuardProviders(() => RoleTokens.parse(config.roleTokens)),
        ...LEDGER_LOG_PROVIDERS,
        LedgerRecorder,
        TreeHeadService,
        WitnessClient,
        CheckpointCosigner,
        { provide: CHECKPOINT_TIMESTAMP_CONFIG, useValue: config.timestamp },
        CheckpointTimestampService,
        RegistryEventRecorder,
        ActivityAnchorRecorder,
        LedgerQueryService,
        EvidenceBundleService,
        LedgerSearchIndexer,
        LedgerSearchService,
        ProcessedSubmissionRepository,
        ProcessedSubmissionPruner,
        EnvelopeLineageRepository,
        ConsentGrantRepository,
        EnvelopeReceiptRepository,
        ReceiptGate,
        LineageReader,
        RulesCache,
        SenderRateBucketRepository,
        SubmissionRateLimiter,
        SubmissionDecider,
        RulesPreviewService,
        SubmissionService,
        SubmissionHandler,
        ...LANE_PROVIDERS,
        SubmissionLanes,
        DeliveryPublisher,
        DeliveryConsumersProvisioner,
        DeadLetterStore,
        GatewayDeadLetterService,
        ...GATEWAY_HEALTH_PROVIDERS,
      ],
    };
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { join } from 'node:path';
import { DirectoryModule } from '@bureaunet/directory';
import { IdentityModule } from '@bureaunet/identity';
import { PersistenceModule } from '@bureaunet/persistence';
import { Clock, systemClock } from '@bureaunet/platform';
import { TransportModule } from '@bureaunet/transport';
import { GatewayConfig } from './gateway.config';
import { GatewayRuntimeModule } from './gateway-runtime.module';
import { HealthController } from './health/health.controller';
import { LedgerEntryEntity } from './ledger/ledger-entry.entity';
import { LedgerRecorder } from './ledger/ledger.recorder';
import { DeliveryPublisher } from './submission/delivery.publisher';
import { ProcessedSubmissionEntity } from './submission/processed-submission.entity';
import { ProcessedSubmissionRepository } from './submission/processed-submission.repository';
import { SubmissionDecider } from './submission/submission.decider';
import { SubmissionHandler } from './submission/submission.handler';
import { SubmissionService } from './submission/submission.service';

const ENTITIES = [LedgerEntryEntity, ProcessedSubmissionEntity];

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        GatewayRuntimeModule.forRoot(config, clock),
        TransportModule.forRoot({ servers: config.natsUrl, name: 'gateway' }),
        PersistenceModule.forRoot({ database: join(config.dataDir, 'gateway.sqlite'), entities: ENTITIES }),
        TypeOrmModule.forFeature(ENTITIES),
        IdentityModule.forRoot({ code: config.code, dataDir: join(config.dataDir, 'identity'), enrolmentToken: config.enrolmentToken }),
        DirectoryModule.forRoot({ stalenessMs: config.directoryStalenessMs }),
      ],
      controllers: [SubmissionHandler, HealthController],
      providers: [
        LedgerRecorder,
        ProcessedSubmissionRepository,
        SubmissionDecider,
        SubmissionService,
        DeliveryPublisher,
      ],
    };
  }
}

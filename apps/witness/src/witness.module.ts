import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { join } from 'node:path';
import { PersistenceModule } from '@bureaunet/persistence';
import {
  CLOCK,
  DatabaseWritableIndicator,
  healthBoundsProvider,
  loadOrCreateEd25519Key,
  preparePrivateDataDir,
  ReadinessCheck,
  ReadinessLogger,
  RoleTokens,
  roleGuardProviders,
  systemClock,
  type Clock,
} from '@bureaunet/platform';
import { Witness } from '@bureaunet/witness';
import { AddCheckpointController } from './add-checkpoint/add-checkpoint.controller';
import { AddCheckpointService, WITNESS } from './add-checkpoint/add-checkpoint.service';
import { DurableWitnessCheckpointRepository } from './checkpoint/durable-witness-checkpoint.repository';
import { WitnessCheckpointEntity } from './checkpoint/witness-checkpoint.entity';
import { HealthController } from './health/health.controller';
import { MisbehaviourReportEntity } from './misbehaviour/misbehaviour-report.entity';
import { MisbehaviourController } from './misbehaviour/misbehaviour.controller';
import { MisbehaviourRepository } from './misbehaviour/misbehaviour.repository';
import { WITNESS_MIGRATIONS } from './migrations';
import { WITNESS_POSTGRES_MIGRATIONS } from './migrations/postgres';
import { WITNESS_CONFIG, type WitnessConfig } from './witness.config';

export const WITNESS_ENTITIES = [WitnessCheckpointEntity, MisbehaviourReportEntity];

/**
 * A C2SP tlog-witness: no broker, no token. It remembers the latest checkpoint it cosigned per log
 * (SQLite, or PostgreSQL with DATABASE_URL) and cosigns a new one only if the log proves it extends that one.
 */
@Module({})
export class WitnessModule {
  static forRoot(config: WitnessConfig, clock: Clock = systemClock): DynamicModule {
    preparePrivateDataDir(config.dataDir);
    return {
      module: WitnessModule,
      imports: [
        PersistenceModule.forRoot({
          database: join(config.dataDir, 'witness.sqlite'),
          url: config.databaseUrl,
          entities: WITNESS_ENTITIES,
          migrations: WITNESS_MIGRATIONS,
          postgresMigrations: WITNESS_POSTGRES_MIGRATIONS,
        }),
        TypeOrmModule.forFeature(WITNESS_ENTITIES),
        TerminusModule.forRoot({ logger: ReadinessLogger }),
      ],
      controllers: [AddCheckpointController, MisbehaviourController, HealthController],
      providers: [
        // No tokens: every route is @Public, and any other would admit nobody.
        ...roleGuardProviders(() => new RoleTokens([])),
        { provide: WITNESS_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        DurableWitnessCheckpointRepository,
        MisbehaviourRepository,
        {
          provide: WITNESS,
          inject: [DurableWitnessCheckpointRepository],
          useFactory: (repository: DurableWitnessCheckpointRepository) => {
            const logger = new Logger('WitnessKey');
            const { privateKey } = loadOrCreateEd25519Key(config.keyFile, logger);
            const witness = new Witness({
              name: config.name,
              privateKey,
              logs: config.logs,
              repository,
              now: () => clock.now().getTime(),
            });
            logger.log(`cosigning as ${witness.verifierKey} for ${config.logs.map((log) => log.origin).join(', ')}`);
            return witness;
          },
        },
        AddCheckpointService,
        healthBoundsProvider,
        ReadinessCheck,
        DatabaseWritableIndicator,
      ],
    };
  }
}

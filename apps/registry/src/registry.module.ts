import { ACCOUNT_ENTITIES, AccountsModule } from '@bureaunet/accounts';
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TerminusModule } from '@nestjs/terminus';
import { ACTIVITY_ENTITIES, ACTIVITY_PROVIDERS, ActivityController } from '@bureaunet/activity/server';
import { PersistenceModule, megabytes } from '@bureaunet/persistence';
import {
  CLOCK,
  ReadinessLogger,
  consoleStaticModule,
  roleGuardProviders,
  systemClock,
  type Clock,
} from '@bureaunet/platform';
import { TransportModule } from '@bureaunet/transport';
import { RegistryActivityAnchor } from './activity/registry-activity.anchor';
import { AdminController } from './admin/admin.controller';
import { RegistryOverviewController } from './admin/registry-overview.controller';
import { RegistryOverviewService } from './admin/registry-overview.service';
import { RulesHistoryController } from './rules-history/rules-history.controller';
import { RulesHistoryService } from './rules-history/rules-history.service';
import { BureauEntity } from './bureau/bureau.entity';
import { BureauRepository } from './bureau/bureau.repository';
import { BureauService } from './admin/bureau.service';
import { DirectoryEventsPublisher } from './directory/directory-events.publisher';
import { DirectoryHeartbeatService } from './heartbeat/directory-heartbeat.service';
import { DirectoryController } from './directory/directory.controller';
import { DirectoryHandler } from './directory/directory.handler';
import { DirectoryService } from './directory/directory.service';
import { DirectorySigner } from './directory/directory.signer';
import { EnrolmentTokenEntity } from './enrolment/enrolment-token.entity';
import { EnrolmentTokenRepository } from './enrolment/enrolment-token.repository';
import { EnrolmentController } from './enrolment/enrolment.controller';
import { EnrolmentHandler } from './enrolment/enrolment.handler';
import { EnrolmentService } from './enrolment/enrolment.service';
import { CountryGroupController } from './rules/country-group.controller';
import { CountryGroupEntity } from './rules/country-group.entity';
import { CountryGroupHandler } from './rules/country-group.handler';
import { CountryGroupPreview } from './rules/country-group.preview';
import { CountryGroupRepository } from './rules/country-group.repository';
import { CountryGroupService } from './rules/country-group.service';
import { OperationController } from './operation/operation.controller';
import { OperationHandler } from './operation/operation.handler';
import { OperationEntity } from './operation/operation.entity';
import { OperationRepository } from './operation/operation.repository';
import { OperationService } from './operation/operation.service';
import { HealthController } from './health/health.controller';
import { REGISTRY_HEALTH_PROVIDERS } from './health/health.providers';
import { CaExpiryWarner } from './pki/ca-expiry.warner';
import { CaRepository } from './pki/ca.repository';
import { CaTrustHandler } from './pki/ca-trust.handler';
import { caTrustProvider } from './pki/ca-trust.provider';
import { certificateAuthorityProvider } from './pki/certificate-authority.provider';
import { CertificateEntity } from './pki/certificate.entity';
import { CertificateRepository } from './pki/certificate.repository';
import { PkiController } from './pki/pki.controller';
import { PkiService } from './pki/pki.service';
import { statusSigningProvider } from './pki/status-signing.provider';
import { StatusStatementController } from './status-statement/status-statement.controller';
import { StatusStatementEntity } from './status-statement/status-statement.entity';
import { StatusStatementIssuer } from './status-statement/status-statement.issuer';
import { StatusStatementRepository } from './status-statement/status-statement.repository';
import { CryptoRandomness, Randomness } from './randomness';
import { RegistryEventEntity } from './registry-event/registry-event.entity';
import { RegistryEventOutbox } from './registry-event/registry-event.outbox';
import { RegistryEventPublisher } from './registry-event/registry-event.publisher';
import { RegistryEventRepository } from './registry-event/registry-event.repository';
import { RenewalController } from './renewal/renewal.controller';
import { RenewalHandler } from './renewal/renewal.handler';
import { RenewalService } from './renewal/renewal.service';
import { REGISTRY_CONFIG, registryDatabasePath, registryRoleTokens, type RegistryConfig } from './registry.config';
import { DeclarationEntity } from './rules/declaration.entity';
import { DeclarationService } from './rules/declaration.service';
import { PolicySetEntity } from './rules/policy-set.entity';
import { RulesChangeEntity } from './rules-change/rules-change.entity';
import { RulesChangeLog } from './rules-change/rules-change.log';
import { RulesCheckService } from './rules/rules-check.service';
import { RulesController } from './rules/rules.controller';
import { RulesEventsPublisher } from './rules-change/rules-events.publisher';
import { RulesHandler } from './rules/rules.handler';
import { RulesRepository } from './rules/rules.repository';
import { RulesService } from './rules/rules.service';
import { REGISTRY_MIGRATIONS } from './migrations';
import { REGISTRY_POSTGRES_MIGRATIONS } from './migrations/postgres';

export const REGISTRY_ENTITIES = [
  ...ACCOUNT_ENTITIES,
  BureauEntity,
  CertificateEntity,
  EnrolmentTokenEntity,
  RegistryEventEntity,
  PolicySetEntity,
  RulesChangeEntity,
  DeclarationEntity,
  OperationEntity,
  CountryGroupEntity,
  StatusStatementEntity,
  // the attributed activity log (libs/activity)
  ...ACTIVITY_ENTITIES,
];

export interface RegistryModuleOverrides {
  /** Tests set the time (token expiry, certificate validity). */
  clock?: Clock;
  randomness?: Randomness;
}

@Module({})
export class RegistryModule {
  /** The data directory must exist (main.ts makes it). */
  static forRoot(config: RegistryConfig, overrides: RegistryModuleOverrides = {}): DynamicModule {
    const providers: Provider[] = [
      { provide: REGISTRY_CONFIG, useValue: config },
      { provide: CLOCK, useValue: overrides.clock ?? systemClock },
      { provide: Randomness, useValue: overrides.randomness ?? new CryptoRandomness() },
      ...roleGuardProviders(() => registryRoleTokens(config)),
      RulesChangeLog,
      RulesEventsPublisher,
      RulesRepository,
      RulesService,
      RulesCheckService,
      DeclarationService,
      OperationRepository,
      OperationService,
      CountryGroupRepository,
      CountryGroupService,
      CountryGroupPreview,
      BureauRepository,
      BureauService,
      RegistryOverviewService,
      RulesHistoryService,
      CaRepository,
      CaExpiryWarner,
      certificateAuthorityProvider,
      caTrustProvider,
      CertificateRepository,
      DirectoryEventsPublisher,
      DirectoryHeartbeatService,
      DirectoryService,
      DirectorySigner,
      EnrolmentService,
      EnrolmentTokenRepository,
      PkiService,
      statusSigningProvider,
      StatusStatementRepository,
      StatusStatementIssuer,
      RegistryEventOutbox,
      RegistryEventPublisher,
      RegistryEventRepository,
      RenewalService,
      ...REGISTRY_HEALTH_PROVIDERS,
      ...ACTIVITY_PROVIDERS,
      RegistryActivityAnchor,
    ];
    return {
      module: RegistryModule,
      imports: [
        // Timers (heartbeat, outbox retry, CA expiry check) are registered here and cleared on shutdown.
        ScheduleModule.forRoot(),
        TransportModule.forRoot({ servers: config.natsUrl, name: 'registry', ...config.nats }),
        PersistenceModule.forRoot({
          database: registryDatabasePath(config),
          url: config.databaseUrl,
          entities: REGISTRY_ENTITIES,
          migrations: REGISTRY_MIGRATIONS,
          postgresMigrations: REGISTRY_POSTGRES_MIGRATIONS,
          maxBytes: megabytes(config.databaseMaxMb),
        }),
        TerminusModule.forRoot({ logger: ReadinessLogger }),
        consoleStaticModule(),
        AccountsModule.forRoot({
          service: { kind: 'registry' },
          roles: ['admin'],
          clock: overrides.clock,
          dataDir: config.dataDir,
        }),
      ],
      controllers: [
        AdminController,
        RegistryOverviewController,
        RulesHistoryController,
        DirectoryController,
        DirectoryHandler,
        EnrolmentController,
        EnrolmentHandler,
        PkiController,
        StatusStatementController,
        RulesController,
        RulesHandler,
        OperationController,
        OperationHandler,
        CountryGroupController,
        CountryGroupHandler,
        RenewalController,
        RenewalHandler,
        HealthController,
        CaTrustHandler,
        ActivityController,
      ],
      providers,
    };
  }
}

import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { PersistenceModule } from '@bureaunet/persistence';
import { CLOCK, systemClock, type Clock } from '@bureaunet/platform';
import { TransportModule } from '@bureaunet/transport';
import { AdminTokenGuard } from './admin/admin-token.guard';
import { AdminController } from './admin/admin.controller';
import { BureauEntity } from './bureau/bureau.entity';
import { BureauRepository } from './bureau/bureau.repository';
import { BureauService } from './bureau/bureau.service';
import { DirectoryEventsPublisher } from './directory/directory-events.publisher';
import { DirectoryHeartbeatService } from './directory/directory-heartbeat.service';
import { DirectoryController } from './directory/directory.controller';
import { DirectoryHandler } from './directory/directory.handler';
import { DirectoryService } from './directory/directory.service';
import { EnrolmentTokenEntity } from './enrolment/enrolment-token.entity';
import { EnrolmentTokenRepository } from './enrolment/enrolment-token.repository';
import { EnrolmentController } from './enrolment/enrolment.controller';
import { EnrolmentHandler } from './enrolment/enrolment.handler';
import { EnrolmentService } from './enrolment/enrolment.service';
import { CaRepository } from './pki/ca.repository';
import { certificateAuthorityProvider } from './pki/certificate-authority.provider';
import { CertificateEntity } from './pki/certificate.entity';
import { CertificateRepository } from './pki/certificate.repository';
import { PkiController } from './pki/pki.controller';
import { PkiService } from './pki/pki.service';
import { CryptoRandomness, Randomness } from './randomness';
import { REGISTRY_CONFIG, registryDatabasePath, type RegistryConfig } from './registry.config';

export const REGISTRY_ENTITIES = [BureauEntity, CertificateEntity, EnrolmentTokenEntity];

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
      AdminTokenGuard,
      BureauRepository,
      BureauService,
      CaRepository,
      certificateAuthorityProvider,
      CertificateRepository,
      DirectoryEventsPublisher,
      DirectoryHeartbeatService,
      DirectoryService,
      EnrolmentService,
      EnrolmentTokenRepository,
      PkiService,
    ];
    return {
      module: RegistryModule,
      imports: [
        TransportModule.forRoot({ servers: config.natsUrl, name: 'registry' }),
        PersistenceModule.forRoot({ database: registryDatabasePath(config), entities: REGISTRY_ENTITIES }),
      ],
      controllers: [AdminController, DirectoryController, DirectoryHandler, EnrolmentController, EnrolmentHandler, PkiController],
      providers,
    };
  }
}

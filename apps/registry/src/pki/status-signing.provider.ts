import { Logger, type FactoryProvider } from '@nestjs/common';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { Randomness } from '../randomness';
import { REGISTRY_CONFIG, type RegistryConfig } from '../registry.config';
import type { CertificateAuthority } from './certificate-authority';
import { CERTIFICATE_AUTHORITY } from './certificate-authority.provider';
import {
  loadOrIssueStatusSigningIdentity,
  statusSigningFilesIn,
  type StatusSigningIdentity,
} from './status-signing.identity';

export const STATUS_SIGNING_IDENTITY = Symbol('STATUS_SIGNING_IDENTITY');

/** The XR key and certificate in the data directory, issued by the registry's own CA on first start. */
export const statusSigningProvider: FactoryProvider<Promise<StatusSigningIdentity>> = {
  provide: STATUS_SIGNING_IDENTITY,
  inject: [REGISTRY_CONFIG, CERTIFICATE_AUTHORITY, CLOCK, Randomness],
  useFactory: async (config: RegistryConfig, ca: CertificateAuthority, clock: Clock, randomness: Randomness) => {
    const files = statusSigningFilesIn(config.dataDir);
    const identity = await loadOrIssueStatusSigningIdentity(files, {
      ca,
      now: clock.now(),
      validityDays: config.certValidityDays,
      randomBytes: (size) => randomness.bytes(size),
    });
    new Logger('StatusSigning').log(`signing statements as XR ${identity.kid} (${files.certificate})`);
    return identity;
  },
};

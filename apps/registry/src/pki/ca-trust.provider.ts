import { Logger, type FactoryProvider } from '@nestjs/common';
import type { CaTrust } from '@bureaunet/contracts';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { Randomness } from '../randomness';
import { REGISTRY_CONFIG, type RegistryConfig } from '../registry.config';
import { CaMaterialError, openCertificateAuthority, type CertificateAuthority } from './certificate-authority';
import { CERTIFICATE_AUTHORITY } from './certificate-authority.provider';
import { CaRepository } from './ca.repository';
import { issueCaLink } from './ca-link.issuer';

export const CA_TRUST = Symbol('CA_TRUST');

/**
 * The CAs bureaus are told to trust. Normally the issuing CA alone; during a rotation (the previous
 * CA's files in CA_PREVIOUS_CERT_FILE and CA_PREVIOUS_KEY_FILE) also the previous one, and the link
 * it signs for the issuing one. Retiring the previous CA is restarting without those two variables.
 */
export const caTrustProvider: FactoryProvider<Promise<CaTrust>> = {
  provide: CA_TRUST,
  inject: [REGISTRY_CONFIG, CERTIFICATE_AUTHORITY, CaRepository, CLOCK, Randomness],
  useFactory: async (
    config: RegistryConfig,
    issuing: CertificateAuthority,
    repository: CaRepository,
    clock: Clock,
    randomness: Randomness,
  ) => {
    if (!config.caPrevious) return { issuing: issuing.certificatePem, previous: [] };
    if (repository.presence(config.caPrevious) !== 'both') {
      throw new CaMaterialError(
        `CA_PREVIOUS_CERT_FILE and CA_PREVIOUS_KEY_FILE must both exist (${config.caPrevious.certificate}, ${config.caPrevious.privateKey})`,
      );
    }
    const previous = await openCertificateAuthority(repository.read(config.caPrevious), config.caPrevious.certificate);
    if (previous.certificatePem === issuing.certificatePem)
      throw new CaMaterialError(`${config.caPrevious.certificate} is the issuing CA itself, not a previous one`);
    const link = await issueCaLink({
      previous,
      issuing,
      now: clock.now(),
      randomBytes: (size) => randomness.bytes(size),
    });
    new Logger('CertificateAuthority').log(
      `CA rotation: issuing with the new CA, still trusting ${config.caPrevious.certificate} until it is retired`,
    );
    return { issuing: issuing.certificatePem, link, previous: [previous.certificatePem] };
  },
};

import { Logger, type FactoryProvider } from '@nestjs/common';
import { dirname } from 'node:path';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { Randomness } from '../randomness';
import { REGISTRY_CONFIG, type RegistryConfig } from '../registry.config';
import { CaMaterialError, openCertificateAuthority, type CertificateAuthority } from './certificate-authority';
import { CaRepository, caFilesIn, type CaFiles } from './ca.repository';
import { createRootCa } from './root-ca';

export const CERTIFICATE_AUTHORITY = Symbol('CERTIFICATE_AUTHORITY');

export interface CaSources {
  /** CA_CERT_FILE + CA_KEY_FILE: used when both exist. */
  configured: CaFiles;
  /** The registry's data directory: its CA, made there on first start. */
  dataDir: string;
}

/** The configured files when both exist; else the CA in the data directory, made on first start. */
export async function loadOrCreateCertificateAuthority(
  sources: CaSources,
  dependencies: { repository: CaRepository; clock: Clock; randomness: Randomness; logger?: Logger },
): Promise<CertificateAuthority> {
  const { repository, logger = new Logger('CertificateAuthority') } = dependencies;
  const open = async (files: CaFiles) => {
    const authority = await openCertificateAuthority(repository.read(files), files.certificate);
    logger.log(`issuing with the CA in ${files.certificate}`);
    return authority;
  };
  const configuredPresence = repository.presence(sources.configured);
  if (configuredPresence === 'both') return open(sources.configured);
  if (configuredPresence === 'partial') {
    logger.warn(
      `ignoring the CA files: only one of ${sources.configured.certificate} and ${sources.configured.privateKey} exists`,
    );
  }
  const own = caFilesIn(sources.dataDir);
  const ownPresence = repository.presence(own);
  if (ownPresence === 'both') return open(own);
  if (ownPresence === 'partial') {
    throw new CaMaterialError(
      `only one of ${own.certificate} and ${own.privateKey} exists: restore the other, or remove both to make a new CA`,
    );
  }
  const material = await createRootCa({
    now: dependencies.clock.now(),
    randomBytes: (size) => dependencies.randomness.bytes(size),
  });
  repository.write(own, material);
  logger.log(
    `made a development root CA in ${dirname(own.certificate)} (no CA files at ${sources.configured.certificate})`,
  );
  return openCertificateAuthority(material, own.certificate);
}

/**
 * Loaded while the module is built, not in onModuleInit: in a hybrid app the NATS handlers start
 * listening before lifecycle hooks run, and an early enrolment must find the CA ready.
 */
export const certificateAuthorityProvider: FactoryProvider<Promise<CertificateAuthority>> = {
  provide: CERTIFICATE_AUTHORITY,
  inject: [REGISTRY_CONFIG, CaRepository, CLOCK, Randomness],
  useFactory: (config: RegistryConfig, repository: CaRepository, clock: Clock, randomness: Randomness) =>
    loadOrCreateCertificateAuthority(
      { configured: config.caFiles, dataDir: config.dataDir },
      { repository, clock, randomness },
    ),
};

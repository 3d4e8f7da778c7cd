import { Inject, Injectable } from '@nestjs/common';
import { X509Certificate, type KeyObject } from 'node:crypto';
import type { BureauCode } from '@bureaunet/contracts';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { Randomness } from '../randomness';
import { REGISTRY_CONFIG, type RegistryConfig } from '../registry.config';
import type { CertificateAuthority } from './certificate-authority';
import { CERTIFICATE_AUTHORITY } from './certificate-authority.provider';
import { issueBureauCertificates, type IssuedCertificate } from './certificate.issuer';

/** The registry's certificate authority at work: what it publishes, what it issues. */
@Injectable()
export class PkiService {
  constructor(
    @Inject(CERTIFICATE_AUTHORITY) private readonly authority: CertificateAuthority,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly randomness: Randomness,
  ) {}

  caCertificatePem(): string {
    return this.authority.certificatePem;
  }

  caCertificate(): X509Certificate {
    return new X509Certificate(this.authority.certificatePem);
  }

  issue(
    code: BureauCode,
    keys: { signing: KeyObject; encryption: KeyObject },
  ): Promise<{ signing: IssuedCertificate; encryption: IssuedCertificate }> {
    return issueBureauCertificates({
      ca: this.authority,
      code,
      signingKey: keys.signing,
      encryptionKey: keys.encryption,
      now: this.clock.now(),
      validityDays: this.config.certValidityDays,
      randomBytes: (size) => this.randomness.bytes(size),
    });
  }
}

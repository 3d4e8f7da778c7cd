import { Inject, Injectable } from '@nestjs/common';
import { X509Certificate } from 'node:crypto';
import { DomainError, type BureauCode, type EnrolResponse, type RenewalClaims } from '@bureaunet/contracts';
import { CryptoError, certificateKid, openRenewalRequest } from '@bureaunet/crypto';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { BureauRepository } from '../bureau/bureau.repository';
import { DirectoryEventsPublisher } from '../directory/directory-events.publisher';
import { checkBoundEncryptionKey } from '../pki/bound-encryption-key';
import type { CertificateEntity } from '../pki/certificate.entity';
import { certificateRecord } from '../pki/certificate.record';
import { CertificateRepository } from '../pki/certificate.repository';
import { PkiService } from '../pki/pki.service';
import { readSigningCsr } from '../pki/signing-csr.reader';
import { certificatesRenewedEvent } from '../registry-event/registry-event.of-change';
import { RegistryEventOutbox } from '../registry-event/registry-event.outbox';
import { DEFAULT_CERT_OVERLAP_DAYS, REGISTRY_CONFIG, type RegistryConfig } from '../registry.config';
import { RENEWAL_REQUEST_MAX_SKEW_MS, renewalRefused } from './renewal.errors';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Renewal without a token: the request is signed by the bureau's current signing key, which is
 * proof enough that the enrolled bureau asks. New certificates are issued for new keys; the
 * replaced ones are not revoked but honoured for an overlap, so that what was signed or sealed
 * with them while the renewal happened still passes.
 */
@Injectable()
export class RenewalService {
  constructor(
    private readonly writer: SerialWriter,
    private readonly bureaus: BureauRepository,
    private readonly certificates: CertificateRepository,
    private readonly pki: PkiService,
    private readonly events: DirectoryEventsPublisher,
    private readonly outbox: RegistryEventOutbox,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async renew(code: BureauCode, request: string): Promise<EnrolResponse> {
    const current = await this.currentSigningCertificate(code);
    const claims = await this.openRequest(code, request, current);
    const signing = await readSigningCsr(claims.signingCsr, code);
    if (signing.equals(new X509Certificate(current.pem).publicKey)) {
      throw new DomainError(
        'renewal-same-key',
        `the renewal request certifies ${code}'s current signing key again: a renewal must bring new keys`,
        'invalid',
      );
    }
    const encryption = await checkBoundEncryptionKey(claims, signing);
    const issued = await this.pki.issue(code, { signing, encryption });
    const version = await this.writer.transaction(async (manager) => {
      const now = this.clock.now();
      // Checked again inside the transaction: two renewals signed with the same key may have raced.
      const still = (await this.certificates.findCurrent(manager, code)).find(
        (certificate) => certificate.use === 'signing',
      );
      if (still?.serial !== current.serial)
        throw renewalRefused(
          'renewal-key-unknown',
          `${code}'s signing certificate changed while this renewal was being issued: renew with the new one`,
        );
      const replaced = await this.certificates.supersedeCurrent(
        manager,
        code,
        new Date(now.getTime() + this.overlapMs()),
      );
      await this.certificates.insert(manager, [
        certificateRecord(code, issued.signing, now),
        certificateRecord(code, issued.encryption, now),
      ]);
      const bureau = await this.bureaus.find(manager, code);
      if (!bureau) throw renewalRefused('renewal-not-enrolled', `${code} is not a registered bureau`);
      const saved = await this.bureaus.saveChange(manager, bureau, now);
      await this.outbox.record(
        manager,
        certificatesRenewedEvent(code, saved, [issued.signing, issued.encryption], replaced),
      );
      return saved;
    });
    this.events.changed({ code, version, change: 'renewed' });
    return {
      code,
      caCertificate: this.pki.caCertificatePem(),
      signingCertificate: issued.signing.pem,
      encryptionCertificate: issued.encryption.pem,
    };
  }

  private async currentSigningCertificate(code: BureauCode): Promise<CertificateEntity> {
    const current = await this.writer.transaction((manager) => this.certificates.findCurrent(manager, code));
    const signing = current.find((certificate) => certificate.use === 'signing');
    if (!signing)
      throw renewalRefused(
        'renewal-not-enrolled',
        `${code} holds no current signing certificate: enrol with a one-time token instead`,
      );
    const now = this.clock.now();
    if (signing.notAfter.getTime() <= now.getTime()) {
      throw renewalRefused(
        'renewal-certificate-expired',
        `${code}'s signing certificate expired at ${signing.notAfter.toISOString()}: enrol again with a one-time token`,
      );
    }
    return signing;
  }

  private async openRequest(code: BureauCode, request: string, current: CertificateEntity): Promise<RenewalClaims> {
    const certificate = new X509Certificate(current.pem);
    const kid = certificateKid(certificate);
    let claims: RenewalClaims;
    try {
      ({ claims } = await openRenewalRequest(request, (signedBy) => {
        if (signedBy !== kid)
          return Promise.reject(
            renewalRefused(
              'renewal-key-unknown',
              `the renewal request is signed with kid ${signedBy}, not with ${code}'s current signing certificate ${kid}`,
            ),
          );
        return Promise.resolve(certificate.publicKey);
      }));
    } catch (error) {
      if (error instanceof CryptoError)
        throw renewalRefused('renewal-signature-invalid', `the renewal request does not hold: ${error.message}`);
      throw error;
    }
    if (claims.code !== code)
      throw renewalRefused(
        'renewal-signature-invalid',
        `the renewal request signed by ${code} asks for ${claims.code}`,
      );
    const skewMs = Math.abs(this.clock.now().getTime() - claims.iat * 1000);
    if (skewMs > RENEWAL_REQUEST_MAX_SKEW_MS) {
      throw renewalRefused(
        'renewal-request-stale',
        `the renewal request was signed at ${new Date(claims.iat * 1000).toISOString()}, more than ${RENEWAL_REQUEST_MAX_SKEW_MS / 60_000} minutes from now`,
      );
    }
    return claims;
  }

  private overlapMs(): number {
    return (this.config.certOverlapDays ?? DEFAULT_CERT_OVERLAP_DAYS) * DAY_MS;
  }
}

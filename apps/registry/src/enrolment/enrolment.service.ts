import { Inject, Injectable } from '@nestjs/common';
import { type BureauCode, type EnrolResponse } from '@bureaunet/contracts';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { newBureau } from '../bureau/bureau.factory';
import { BureauRepository } from '../bureau/bureau.repository';
import { DirectoryEventsPublisher } from '../directory/directory-events.publisher';
import { checkBoundEncryptionKey } from '../pki/bound-encryption-key';
import { certificateRecord } from '../pki/certificate.record';
import { CertificateRepository } from '../pki/certificate.repository';
import { PkiService } from '../pki/pki.service';
import { readSigningCsr } from '../pki/signing-csr.reader';
import { Randomness } from '../randomness';
import { bureauEnrolledEvent, bureauRegisteredEvent } from '../registry-event/registry-event.of-change';
import { RegistryEventOutbox } from '../registry-event/registry-event.outbox';
import type { EnrolRequestBody } from './enrol-request';
import {
  checkEnrolmentToken,
  ENROLMENT_TOKEN_BYTES,
  ENROLMENT_TOKEN_LIFETIME_MS,
  enrolmentTokenInvalid,
  hashEnrolmentToken,
} from './enrolment-token';
import { EnrolmentTokenEntity } from './enrolment-token.entity';
import { EnrolmentTokenRepository } from './enrolment-token.repository';

export interface IssuedEnrolmentToken {
  code: BureauCode;
  /** Shown once: the registry keeps only its hash. */
  token: string;
  expiresAt: string;
}

@Injectable()
export class EnrolmentService {
  constructor(
    private readonly writer: SerialWriter,
    private readonly tokens: EnrolmentTokenRepository,
    private readonly bureaus: BureauRepository,
    private readonly certificates: CertificateRepository,
    private readonly pki: PkiService,
    private readonly events: DirectoryEventsPublisher,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly randomness: Randomness,
    private readonly outbox: RegistryEventOutbox,
  ) {}

  /** A one-time token for `code`, registering the bureau (active) when it is new. */
  async issueToken(code: BureauCode): Promise<IssuedEnrolmentToken> {
    const now = this.clock.now();
    const token = Buffer.from(this.randomness.bytes(ENROLMENT_TOKEN_BYTES)).toString('base64url');
    const expiresAt = new Date(now.getTime() + ENROLMENT_TOKEN_LIFETIME_MS);
    const stored = Object.assign(new EnrolmentTokenEntity(), {
      tokenHash: hashEnrolmentToken(token),
      code,
      expiresAt,
      usedAt: null,
      createdAt: now,
    });
    const registeredVersion = await this.writer.transaction(async (manager) => {
      const known = await this.bureaus.find(manager, code);
      const version = known ? undefined : await this.bureaus.saveChange(manager, newBureau(code, now), now);
      if (version !== undefined) await this.outbox.record(manager, bureauRegisteredEvent(code, version));
      await this.tokens.insert(manager, stored);
      return version;
    });
    if (registeredVersion !== undefined)
      this.events.changed({ code, version: registeredVersion, change: 'registered' });
    return { code, token, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Certifies the bureau's keys: the token, then proof of possession of the Ed25519 key (the
   * CSR's self-signature), then the X25519 key vouched for by it. Re-enrolment rotates the keys:
   * the bureau's earlier certificates are revoked in the same transaction.
   */
  async enrol(request: EnrolRequestBody): Promise<EnrolResponse> {
    if (request.token === undefined) throw enrolmentTokenInvalid();
    const tokenHash = hashEnrolmentToken(request.token);
    checkEnrolmentToken(
      await this.writer.transaction((manager) => this.tokens.find(manager, tokenHash)),
      request.code,
      this.clock.now(),
    );
    const signing = await readSigningCsr(request.signingCsr, request.code);
    const encryption = await checkBoundEncryptionKey(request, signing);
    const issued = await this.pki.issue(request.code, { signing, encryption });
    const version = await this.writer.transaction(async (manager) => {
      const now = this.clock.now();
      // Checked again inside the transaction: two requests may have raced with the same token.
      checkEnrolmentToken(await this.tokens.find(manager, tokenHash), request.code, now);
      await this.tokens.consume(manager, tokenHash, now);
      await this.certificates.revokeCurrent(manager, request.code, now);
      await this.certificates.insert(manager, [
        certificateRecord(request.code, issued.signing, now),
        certificateRecord(request.code, issued.encryption, now),
      ]);
      const bureau = (await this.bureaus.find(manager, request.code)) ?? newBureau(request.code, now);
      const saved = await this.bureaus.saveChange(manager, bureau, now);
      await this.outbox.record(manager, bureauEnrolledEvent(request.code, saved, [issued.signing, issued.encryption]));
      return saved;
    });
    this.events.changed({ code: request.code, version, change: 'enrolled' });
    return {
      code: request.code,
      caCertificate: this.pki.caCertificatePem(),
      signingCertificate: issued.signing.pem,
      encryptionCertificate: issued.encryption.pem,
    };
  }
}

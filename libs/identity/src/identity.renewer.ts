import { Logger } from '@nestjs/common';
import { X509Certificate } from 'node:crypto';
import { caTrustSchema, DomainError, type CaTrust, type EnrolResponse, type RenewRequest } from '@bureaunet/contracts';
import {
  bindEncryptionKey,
  certificateKid,
  exportPublicKeyPem,
  generateBureauKeys,
  signRenewalRequest,
  verifyBureauCertificate,
} from '@bureaunet/crypto';
import type { Clock } from '@bureaunet/platform';
import type { BureauIdentity, IdentityKey } from './bureau-identity';
import { adoptCaTrust, issuedBy, type CaTrustChange } from './ca-trust.adopter';
import { IdentityRenewalStore, MAX_PREVIOUS_ENCRYPTION_KEYS } from './identity-renewal.store';
import { renewalDueAt, type RenewalPolicy } from './renewal.policy';
import { buildSigningCsr } from './signing-csr';

export interface IdentityRenewerOptions {
  identity: BureauIdentity;
  dataDir: string;
  clock: Clock;
  policy: RenewalPolicy;
  /** Sends the signed request to the registry (RENEW_SUBJECT) and returns its answer. */
  renew: (request: RenewRequest) => Promise<EnrolResponse>;
  /** Asks the registry which CAs to trust (CA_TRUST_SUBJECT); a CA rotation is followed when given. */
  trust?: () => Promise<CaTrust>;
  logger?: Logger;
}

/**
 * Renews this bureau's certificates before they expire, without a token: new keys, a CSR and key
 * binding as at enrolment, the whole signed with the current signing key. The answer is checked
 * (our new keys, our code, the CA we trust) and stored before the identity switches to it; the
 * replaced encryption key is kept, so that what was sealed to it still opens.
 */
export class IdentityRenewer {
  private readonly logger: Logger;
  private readonly store: IdentityRenewalStore;

  constructor(private readonly options: IdentityRenewerOptions) {
    this.logger = options.logger ?? new Logger(IdentityRenewer.name);
    this.store = new IdentityRenewalStore(options.dataDir);
  }

  get identity(): BureauIdentity {
    return this.options.identity;
  }

  /** When the current certificates enter their renewal window (the earlier of the two); at once when another CA issues now. */
  dueAt(): Date {
    const { signing, encryption, ca } = this.options.identity;
    if (!issuedBy(signing.certificate, ca)) return new Date(0);
    const dues = [signing, encryption].map((key) => renewalDueAt(key.certificate, this.options.policy).getTime());
    return new Date(Math.min(...dues));
  }

  async renewIfDue(): Promise<boolean> {
    await this.followCaTrust();
    if (this.options.clock.now().getTime() < this.dueAt().getTime()) return false;
    await this.renew();
    return true;
  }

  async renew(): Promise<void> {
    const { identity, clock } = this.options;
    const keys = await generateBureauKeys();
    const encryptionKey = exportPublicKeyPem(keys.encryption.publicKey);
    const now = clock.now();
    const claims = {
      code: identity.code,
      signingCsr: await buildSigningCsr(identity.code, keys.signing),
      encryptionKey,
      encryptionKeyBinding: await bindEncryptionKey({
        code: identity.code,
        encryptionKeyPem: encryptionKey,
        signingKey: keys.signing.privateKey,
        now,
      }),
      iat: Math.floor(now.getTime() / 1000),
    };
    const request = await signRenewalRequest(claims, { kid: identity.signing.kid, key: identity.signing.privateKey });
    const response = await this.options.renew({ code: identity.code, request });
    const issued = this.checkResponse(response, keys);
    // Archive first: a crash after the commit must not lose the key older messages are sealed to.
    this.store.archiveEncryptionKey(identity.encryption);
    this.store.commit(keys, {
      ca: response.caCertificate,
      signing: response.signingCertificate,
      encryption: response.encryptionCertificate,
    });
    // A CA adopted in memory (the directory met a certificate from it) is kept with the CAs still trusted.
    this.store.saveTrust(issued.ca, identity.previousCas ?? []);
    const previous = [identity.encryption, ...(identity.previousEncryption ?? [])].slice(
      0,
      MAX_PREVIOUS_ENCRYPTION_KEYS,
    );
    Object.assign(identity, {
      ca: issued.ca,
      signing: { ...keys.signing, certificate: issued.signing, kid: certificateKid(issued.signing) },
      encryption: { ...keys.encryption, certificate: issued.encryption, kid: certificateKid(issued.encryption) },
      previousEncryption: previous,
    });
    this.logger.log(
      `renewed the certificates of ${identity.code}: signing ${identity.signing.kid} and encryption ${identity.encryption.kid}, valid until ${issued.signing.validTo}`,
    );
  }

  /** Adopts a new issuing CA (on its link) or retires a previous one, as the registry lists them. */
  async followCaTrust(): Promise<CaTrustChange> {
    if (!this.options.trust) return 'unchanged';
    const { identity } = this.options;
    const change = adoptCaTrust(identity, caTrustSchema.parse(await this.options.trust()));
    if (change === 'unchanged') return change;
    this.store.saveTrust(identity.ca, identity.previousCas ?? []);
    this.logger.log(
      `CA trust ${change}: issuing CA ${identity.ca.fingerprint256}, still trusted ${(identity.previousCas ?? []).map((ca) => ca.fingerprint256).join(', ') || 'none other'}`,
    );
    return change;
  }

  private checkResponse(
    response: EnrolResponse,
    keys: { signing: { publicKey: IdentityKey['publicKey'] }; encryption: { publicKey: IdentityKey['publicKey'] } },
  ) {
    const { identity, clock } = this.options;
    const ca = new X509Certificate(response.caCertificate);
    if (!ca.raw.equals(identity.ca.raw)) {
      throw new DomainError(
        'renewal-ca-unknown',
        `the registry answered with a CA this bureau does not trust (${ca.fingerprint256})`,
        'unavailable',
      );
    }
    const check = { ca, code: identity.code, now: clock.now(), revokedSerials: [] };
    const signing = verifyBureauCertificate(response.signingCertificate, { ...check, use: 'signing' });
    const encryption = verifyBureauCertificate(response.encryptionCertificate, { ...check, use: 'encryption' });
    if (!signing.publicKey.equals(keys.signing.publicKey) || !encryption.publicKey.equals(keys.encryption.publicKey)) {
      throw new DomainError(
        'renewal-mismatch',
        'the registry returned certificates for keys this bureau does not hold',
        'unavailable',
      );
    }
    return { ca, signing, encryption };
  }
}

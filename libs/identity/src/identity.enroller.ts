import { X509Certificate } from 'node:crypto';
import { DomainError, EnrolRequest, EnrolResponse } from '@bureaunet/contracts';
import {
  bindEncryptionKey,
  bureauCodeOf,
  certificateKid,
  exportPublicKeyPem,
  generateBureauKeys,
} from '@bureaunet/crypto';
import type { BureauIdentity } from './bureau-identity';
import { IdentityRenewalStore } from './identity-renewal.store';
import { IdentityStore, StoredCertificates, StoredKeys } from './identity.store';
import { buildSigningCsr } from './signing-csr';

export interface EnrolOptions {
  code: string;
  dataDir: string;
  /** One-time token an administrator issued for this code; needed only on first start. */
  enrolmentToken?: string;
  enrol: (request: EnrolRequest) => Promise<EnrolResponse>;
  /** Which previous encryption keys have expired; the system time when absent. */
  now?: Date;
}

/**
 * Loads this bureau's keys and certificates, or makes the keys and enrols them with the registry
 * on first start. The private keys are made here and never sent anywhere.
 */
export async function loadOrEnrolIdentity(options: EnrolOptions): Promise<BureauIdentity> {
  const store = new IdentityStore(options.dataDir);
  // A renewal interrupted by a crash is finished (or dropped) before anything is read.
  const renewals = new IdentityRenewalStore(options.dataDir);
  renewals.finishPending();
  let keys = store.loadKeys();
  if (!keys) {
    keys = await generateBureauKeys();
    store.saveKeys(keys);
  }
  let certificates = store.loadCertificates();
  if (certificates && bureauCodeOf(certificates.signing) !== options.code) {
    throw new DomainError(
      'identity-mismatch',
      `${options.dataDir} holds the identity of ${bureauCodeOf(certificates.signing)}, not ${options.code}`,
      'invalid',
    );
  }
  if (!certificates) {
    certificates = await enrol(options, keys);
    store.saveCertificates({
      ca: certificates.ca.toString(),
      signing: certificates.signing.toString(),
      encryption: certificates.encryption.toString(),
    });
  }
  const encryptionKid = certificateKid(certificates.encryption);
  return {
    code: options.code,
    ca: certificates.ca,
    signing: { ...keys.signing, certificate: certificates.signing, kid: certificateKid(certificates.signing) },
    encryption: { ...keys.encryption, certificate: certificates.encryption, kid: encryptionKid },
    previousEncryption: renewals.loadPreviousEncryptionKeys(options.now ?? new Date(), encryptionKid),
    previousCas: renewals.loadPreviousCas(),
  };
}

async function enrol(options: EnrolOptions, keys: StoredKeys): Promise<StoredCertificates> {
  if (!options.enrolmentToken) {
    throw new DomainError(
      'enrolment-token-missing',
      `bureau ${options.code} is not enrolled yet: set ENROLMENT_TOKEN to a one-time token from the registry administrator`,
      'unauthorized',
    );
  }
  const encryptionKeyPem = exportPublicKeyPem(keys.encryption.publicKey);
  const response = await options.enrol({
    code: options.code,
    token: options.enrolmentToken,
    signingCsr: await buildSigningCsr(options.code, keys.signing),
    encryptionKey: encryptionKeyPem,
    encryptionKeyBinding: await bindEncryptionKey({
      code: options.code,
      encryptionKeyPem,
      signingKey: keys.signing.privateKey,
    }),
  });
  const signing = new X509Certificate(response.signingCertificate);
  const encryption = new X509Certificate(response.encryptionCertificate);
  // The registry must have certified the keys we hold, not some other ones.
  if (!signing.publicKey.equals(keys.signing.publicKey) || !encryption.publicKey.equals(keys.encryption.publicKey)) {
    throw new DomainError(
      'enrolment-mismatch',
      'the registry returned certificates for keys this bureau does not hold',
      'unavailable',
    );
  }
  return { ca: new X509Certificate(response.caCertificate), signing, encryption };
}

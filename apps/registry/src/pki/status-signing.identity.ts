import { createPrivateKey, createPublicKey, generateKeyPair, X509Certificate, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { certificateKid } from '@bureaunet/crypto';
import type { CertificateAuthority } from './certificate-authority';
import { newCertificateSerial, type RandomBytes } from './certificate-serial';
import { BACKDATE_MS } from './root-ca';
import { CA_SUBJECT_ORGANISATION, ED25519, x509 } from './x509.provider';

/** Subject CN of the registry's status-signing certificate (docs/evidence.md). */
export const REGISTRY_STATUS_CODE = 'XR';

/** The registry's own signing identity: what it signs status statements (and its directory) with. */
export interface StatusSigningIdentity {
  certificatePem: string;
  /** base64url SHA-256 of the certificate DER: the kid of everything it signs. */
  kid: string;
  key: KeyObject;
  notAfter: Date;
}

export interface StatusSigningFiles {
  certificate: string;
  privateKey: string;
}

export function statusSigningFilesIn(directory: string): StatusSigningFiles {
  return { certificate: join(directory, 'status-signing.crt'), privateKey: join(directory, 'status-signing.key') };
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A certificate with less than this (or a quarter of its life) left is replaced at start. */
export const STATUS_SIGNING_RENEW_DAYS = 30;

/**
 * The XR identity in the data directory, kept while the issuing CA vouches for it and it has more
 * than STATUS_SIGNING_RENEW_DAYS (or a quarter of its life) left; otherwise a new key and certificate are made. A replaced
 * certificate is kept beside (statements it signed stay verifiable); its key is not needed again.
 */
export async function loadOrIssueStatusSigningIdentity(
  files: StatusSigningFiles,
  input: { ca: CertificateAuthority; now: Date; validityDays: number; randomBytes: RandomBytes },
): Promise<StatusSigningIdentity> {
  const existing = readIdentity(files);
  if (existing && stillGood(existing, input.ca, input.now)) return existing;
  if (existing) retire(files, existing);
  const { privateKey, publicKey } = await newKeyPair();
  const pem = await issueStatusCertificate(publicKey, input);
  mkdirSync(dirname(files.privateKey), { recursive: true, mode: 0o700 });
  writeFileSync(files.privateKey, privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
  writeFileSync(files.certificate, pem, { flag: 'wx', mode: 0o644 });
  return identityOf(pem, privateKey);
}

function readIdentity(files: StatusSigningFiles): StatusSigningIdentity | undefined {
  if (!existsSync(files.certificate) || !existsSync(files.privateKey)) return undefined;
  const identity = identityOf(
    readFileSync(files.certificate, 'utf8'),
    createPrivateKey(readFileSync(files.privateKey)),
  );
  const certificate = new X509Certificate(identity.certificatePem);
  const matches = createPublicKey(identity.key)
    .export({ type: 'spki', format: 'der' })
    .equals(certificate.publicKey.export({ type: 'spki', format: 'der' }));
  if (!matches) throw new Error(`${files.privateKey} does not belong to ${files.certificate}`);
  return identity;
}

function stillGood(identity: StatusSigningIdentity, ca: CertificateAuthority, now: Date): boolean {
  const certificate = new X509Certificate(identity.certificatePem);
  const issuer = new X509Certificate(ca.certificatePem);
  const lifetime = identity.notAfter.getTime() - Date.parse(certificate.validFrom);
  const renewAt = identity.notAfter.getTime() - Math.min(STATUS_SIGNING_RENEW_DAYS * DAY_MS, lifetime / 4);
  return certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey) && now.getTime() < renewAt;
}

function retire(files: StatusSigningFiles, identity: StatusSigningIdentity): void {
  const serial = new X509Certificate(identity.certificatePem).serialNumber.toLowerCase();
  renameSync(files.certificate, files.certificate.replace(/\.crt$/, `.${serial}.crt`));
  renameSync(files.privateKey, files.privateKey.replace(/\.key$/, `.${serial}.retired-key`));
}

function identityOf(pem: string, key: KeyObject): StatusSigningIdentity {
  const certificate = new X509Certificate(pem);
  if (certificate.publicKey.asymmetricKeyType !== 'ed25519')
    throw new Error('the status-signing certificate must hold an Ed25519 key');
  return { certificatePem: pem, kid: certificateKid(certificate), key, notAfter: new Date(certificate.validTo) };
}

const newKeyPair = (): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> =>
  promisify(generateKeyPair)('ed25519');

/** CN XR, O bureaunet, digitalSignature only, never a CA; never valid past the CA. */
async function issueStatusCertificate(
  publicKey: KeyObject,
  input: { ca: CertificateAuthority; now: Date; validityDays: number; randomBytes: RandomBytes },
): Promise<string> {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const notAfter = new Date(Math.min(input.now.getTime() + input.validityDays * DAY_MS, input.ca.notAfter.getTime()));
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: newCertificateSerial(input.randomBytes),
    subject: [{ O: [CA_SUBJECT_ORGANISATION] }, { CN: [REGISTRY_STATUS_CODE] }],
    issuer: input.ca.subject,
    notBefore: new Date(input.now.getTime() - BACKDATE_MS),
    notAfter,
    publicKey: spki,
    signingKey: input.ca.signingKey,
    signingAlgorithm: ED25519,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.AuthorityKeyIdentifierExtension(input.ca.keyIdentifier),
      await x509.SubjectKeyIdentifierExtension.create(spki),
    ],
  });
  return `${certificate.toString('pem')}\n`;
}

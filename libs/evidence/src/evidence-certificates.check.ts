import type { X509Certificate } from 'node:crypto';
import { readCertificateStatus, statusAt, type CertificateStatus } from './certificate-status.statement';
import type { EvidenceBundle } from './evidence-bundle.schema';
import type { EvidenceChecks } from './evidence-check';
import { assertJwsSignature, readSignedJws } from './signed-jws';
import {
  assertIssuedByCa,
  assertSameCa,
  certificateFingerprint,
  parseCertificate,
  subjectCode,
} from './trusted-certificates';

export interface KnownCertificate {
  cert: X509Certificate;
  code: string;
  fingerprint: string;
}

/** The certificates that chain to the trusted CA, by fingerprint, and the statements about them. */
export interface CertificateBook {
  byFingerprint: Map<string, KnownCertificate>;
  gateway?: KnownCertificate;
  statuses: Map<string, CertificateStatus[]>;
}

export interface CertificateExpectation {
  trustedCa: X509Certificate;
  gatewayCode: string;
  registryCode: string;
}

export function checkCertificates(
  bundle: EvidenceBundle,
  expected: CertificateExpectation,
  checks: EvidenceChecks,
): CertificateBook {
  const book: CertificateBook = { byFingerprint: new Map(), statuses: new Map() };
  const ca = checks.attempt('certificate:ca', () => {
    const cert = parseCertificate(bundle.certificates.ca, 'the CA certificate');
    assertSameCa(cert, expected.trustedCa);
    return { value: cert, reason: `the trusted CA ${subjectCode(cert)}` };
  });
  if (!ca) return book;
  const issued = (pem: string, piece: string, code?: string): KnownCertificate | undefined =>
    checks.attempt(piece, () => {
      const cert = parseCertificate(pem, piece);
      assertIssuedByCa(cert, ca, piece);
      const subject = subjectCode(cert);
      if (code !== undefined && subject !== code) throw new Error(`${piece} is for ${subject}, not ${code}`);
      const known = { cert, code: subject, fingerprint: certificateFingerprint(cert) };
      return { value: known, reason: `${subject}, serial ${cert.serialNumber}, issued by the CA` };
    });
  const registry = issued(bundle.certificates.registry, 'certificate:registry', expected.registryCode);
  book.gateway = issued(bundle.certificates.gateway, 'certificate:gateway', expected.gatewayCode);
  if (book.gateway) book.byFingerprint.set(book.gateway.fingerprint, book.gateway);
  bundle.certificates.bureaus.forEach((pem, index) => {
    const known = issued(pem, `certificate:bureaus[${index}]`);
    if (known) book.byFingerprint.set(known.fingerprint, known);
  });
  if (registry) checkStatuses(bundle.statuses, registry, book, checks);
  else if (bundle.statuses.length > 0) checks.fail('status', 'no registry certificate to verify statements with');
  return book;
}

function checkStatuses(
  statuses: readonly string[],
  registry: KnownCertificate,
  book: CertificateBook,
  checks: EvidenceChecks,
): void {
  statuses.forEach((wrapped, index) => {
    const piece = `status[${index}]`;
    const statement = checks.attempt(piece, () => {
      const jws = readSignedJws(wrapped, piece);
      if (jws.header.kid !== registry.fingerprint)
        throw new Error(`${piece} is not signed by the registry certificate`);
      assertJwsSignature(jws, registry.cert.publicKey, piece);
      const status = readCertificateStatus(jws, piece);
      const subject = book.byFingerprint.get(status.fingerprint);
      if (!subject) throw new Error(`${piece} is about a certificate the bundle does not hold`);
      if (subject.code !== status.code)
        throw new Error(`${piece} names ${status.code}, the certificate ${subject.code}`);
      return { value: status, reason: `${status.code} ${status.status} from ${status.asOf} to ${status.expiresAt}` };
    });
    if (statement)
      book.statuses.set(statement.fingerprint, [...(book.statuses.get(statement.fingerprint) ?? []), statement]);
  });
}

/** The signer's certificate valid and in good standing when it signed; throws why not. */
export function assertSignerStanding(book: CertificateBook, signer: KnownCertificate, at: Date): void {
  const time = at.getTime();
  if (Number.isNaN(time)) throw new Error('the signature has no valid time of use');
  if (time < Date.parse(signer.cert.validFrom) || time > Date.parse(signer.cert.validTo))
    throw new Error(`certificate of ${signer.code} is not valid at ${at.toISOString()}`);
  const standing = statusAt(book.statuses.get(signer.fingerprint) ?? [], at);
  if (!standing.ok) throw new Error(`certificate of ${signer.code}: ${standing.reason}`);
}

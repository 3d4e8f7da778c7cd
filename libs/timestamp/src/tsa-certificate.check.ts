import { createHash, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import { Certificate, IssuerAndSerialNumber, type SignedData, type SignerInfo } from 'pkijs';
import { digestName, signedAttribute } from './cms-signer.check';
import { TimestampError } from './timestamp.errors';
import { TIMESTAMP_LIMITS } from './timestamp.limits';
import { OID } from './timestamp.oids';

/** A certificate carried in the token, in both parsers' forms (pkijs for extensions' criticality). */
export interface TokenCertificate {
  parsed: Certificate;
  x509: X509Certificate;
}

export function tokenCertificates(signedData: SignedData): TokenCertificate[] {
  const carried = signedData.certificates ?? [];
  if (carried.length > TIMESTAMP_LIMITS.certificates)
    throw new TimestampError(
      'too-large',
      `the token carries ${carried.length} certificates, over ${TIMESTAMP_LIMITS.certificates}`,
    );
  return carried
    .filter((c): c is Certificate => c instanceof Certificate)
    .map((parsed) => ({ parsed, x509: new X509Certificate(Buffer.from(parsed.toSchema().toBER())) }));
}

/** The certificate the signer info names (issuer and serial, or subject key identifier). */
export function findSignerCertificate(
  signerInfo: SignerInfo,
  certificates: readonly TokenCertificate[],
): TokenCertificate {
  const sid: unknown = signerInfo.sid;
  const found = certificates.find(({ parsed }) => {
    if (sid instanceof IssuerAndSerialNumber)
      return parsed.issuer.isEqual(sid.issuer) && parsed.serialNumber.isEqual(sid.serialNumber);
    // [0] IMPLICIT SubjectKeyIdentifier: the primitive's bytes are the key identifier.
    const keyId = subjectKeyIdentifier(parsed);
    return (
      keyId !== undefined && sid instanceof asn1js.Primitive && keyId.equals(Buffer.from(sid.valueBlock.valueHexView))
    );
  });
  if (!found)
    throw new TimestampError('untrusted-signer', "the TSA's certificate is not in the token (was certReq set?)");
  return found;
}

function subjectKeyIdentifier(certificate: Certificate): Buffer | undefined {
  const extension = certificate.extensions?.find((e) => e.extnID === OID.subjectKeyIdentifier);
  const value = extension?.parsedValue as asn1js.OctetString | undefined;
  return value ? Buffer.from(value.getValue()) : undefined;
}

/**
 * RFC 3161 §2.4.1 / RFC 5816: the signed attributes bind the signer's certificate by hash
 * (ESS signing-certificate, SHA-1, or signing-certificate-v2), so another certificate for the
 * same key cannot be substituted.
 */
export function checkSigningCertificateAttribute(signerInfo: SignerInfo, signer: TokenCertificate): void {
  const v2 = signedAttribute(signerInfo, OID.signingCertificateV2, 'signing-certificate-v2');
  const v1 = signedAttribute(signerInfo, OID.signingCertificate, 'signing-certificate');
  const value = v2 ?? v1;
  if (!value)
    throw new TimestampError('bad-signed-attributes', 'no ESS signing-certificate attribute names the TSA certificate');
  const first = ((value as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence | undefined)?.valueBlock?.value[0];
  const parts = (first as asn1js.Sequence | undefined)?.valueBlock?.value ?? [];
  let hashName = v2 ? 'sha256' : 'sha1';
  let hashValue = parts[0];
  if (v2 && parts[0] instanceof asn1js.Sequence) {
    const algorithm = parts[0].valueBlock.value[0];
    if (!(algorithm instanceof asn1js.ObjectIdentifier))
      throw new TimestampError('bad-signed-attributes', 'the signing-certificate-v2 hash algorithm is malformed');
    hashName = digestName(algorithm.valueBlock.toString(), 'the signing-certificate-v2 attribute');
    hashValue = parts[1];
  }
  if (!(hashValue instanceof asn1js.OctetString))
    throw new TimestampError('bad-signed-attributes', 'the ESS signing-certificate attribute is malformed');
  if (!Buffer.from(hashValue.getValue()).equals(createHash(hashName).update(signer.x509.raw).digest()))
    throw new TimestampError(
      'bad-signed-attributes',
      'the ESS signing-certificate attribute names another certificate',
    );
}

/** RFC 3161 §2.3: one extended key usage extension, critical, with id-kp-timeStamping only. */
export function checkTimeStampingUsage(signer: TokenCertificate): void {
  const subject = signer.x509.subject.replace(/\n/g, ', ');
  const usages = signer.parsed.extensions?.filter((e) => e.extnID === OID.extendedKeyUsage) ?? [];
  if (usages.length !== 1)
    throw new TimestampError(
      'bad-key-usage',
      `the TSA certificate (${subject}) has ${usages.length} extended key usage extensions, not one`,
    );
  const [usage] = usages;
  if (!usage?.critical)
    throw new TimestampError('bad-key-usage', `the TSA certificate's (${subject}) extended key usage is not critical`);
  const purposes = (usage.parsedValue as { keyPurposes?: string[] } | undefined)?.keyPurposes ?? [];
  if (purposes.length !== 1 || purposes[0] !== OID.timeStamping)
    throw new TimestampError(
      'bad-key-usage',
      `the TSA certificate's (${subject}) key purposes are [${purposes.join(', ')}], not id-kp-timeStamping alone`,
    );
}

/**
 * The signer certificate, through CA certificates of the token, is issued by the trusted TSA CA,
 * every certificate on the way valid at the time stamped.
 */
export function checkChainToTrustedCa(
  signer: TokenCertificate,
  pool: readonly TokenCertificate[],
  trustedCa: X509Certificate,
  at: Date,
): void {
  const path: X509Certificate[] = [signer.x509];
  let current = signer.x509;
  for (let length = 1; length <= TIMESTAMP_LIMITS.chainLength; length++) {
    assertValidAt(current, at);
    if (issuedBy(current, trustedCa)) return assertValidAt(trustedCa, at);
    const issuer = pool
      .map((c) => c.x509)
      .find((c) => c.ca && !path.some((p) => p.raw.equals(c.raw)) && issuedBy(current, c));
    if (!issuer) break;
    path.push(issuer);
    current = issuer;
  }
  throw new TimestampError(
    'untrusted-signer',
    `the TSA certificate (${signer.x509.subject.replace(/\n/g, ', ')}) does not chain to the trusted TSA CA (${trustedCa.subject.replace(/\n/g, ', ')})`,
  );
}

function issuedBy(certificate: X509Certificate, issuer: X509Certificate): boolean {
  return certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
}

function assertValidAt(certificate: X509Certificate, at: Date): void {
  if (at < new Date(certificate.validFrom) || at > new Date(certificate.validTo))
    throw new TimestampError(
      'untrusted-signer',
      `${certificate.subject.replace(/\n/g, ', ')} is not valid at ${at.toISOString()} (${certificate.validFrom} – ${certificate.validTo})`,
    );
}

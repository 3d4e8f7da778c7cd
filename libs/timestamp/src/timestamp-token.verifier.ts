import { X509Certificate } from 'node:crypto';
import { TSTInfo } from 'pkijs';
import { checkSignerSignature } from './cms-signer.check';
import { openSignedData } from './cms-signed-data';
import { decodeDer, parseAs } from './der';
import { TimestampError } from './timestamp.errors';
import { TIMESTAMP_LIMITS } from './timestamp.limits';
import { OID } from './timestamp.oids';
import {
  checkChainToTrustedCa,
  checkSigningCertificateAttribute,
  checkTimeStampingUsage,
  findSignerCertificate,
  tokenCertificates,
} from './tsa-certificate.check';

export interface TimestampVerifierOptions {
  /** The TSA's CA certificate (PEM or parsed), obtained out of band. */
  trustedCa: string | X509Certificate;
  /** SHA-256 of the time-stamped data: the token's message imprint must be exactly this. */
  sha256Digest: Uint8Array;
  /** The nonce of the request, when the caller made it: the token must repeat it. */
  nonce?: bigint;
}

export interface VerifiedTimestamp {
  /** The TSA's time for the data (TSTInfo genTime). */
  genTime: Date;
  /** TSTInfo serialNumber, lowercase hex. */
  serialNumber: string;
  policy: string;
  /** Subject of the TSA's certificate. */
  tsa: string;
}

/**
 * Verifies an RFC 3161 time-stamp token (DER ContentInfo) offline: the CMS signature by a
 * certificate for time-stamping only that chains to the trusted TSA CA, over a TSTInfo whose
 * imprint is the caller's digest. Throws a TimestampError naming the first check that fails.
 */
export function verifyTimestampToken(token: Uint8Array, options: TimestampVerifierOptions): VerifiedTimestamp {
  const trustedCa = typeof options.trustedCa === 'string' ? new X509Certificate(options.trustedCa) : options.trustedCa;
  const { signedData, eContent, signerInfo } = openSignedData(
    decodeDer(token, TIMESTAMP_LIMITS.tokenBytes, 'the time-stamp token'),
  );
  const info = parseAs(
    'the TSTInfo',
    () => new TSTInfo({ schema: decodeDer(eContent, TIMESTAMP_LIMITS.tokenBytes, 'the TSTInfo') }),
  );
  if (info.version !== 1) throw new TimestampError('malformed', `TSTInfo version ${info.version}, not 1`);

  const certificates = tokenCertificates(signedData);
  const signer = findSignerCertificate(signerInfo, certificates);
  checkSignerSignature(signerInfo, eContent, signer.x509);
  checkSigningCertificateAttribute(signerInfo, signer);
  checkTimeStampingUsage(signer);
  checkChainToTrustedCa(signer, certificates, trustedCa, info.genTime);

  const imprint = info.messageImprint;
  if (imprint.hashAlgorithm.algorithmId !== OID.sha256)
    throw new TimestampError(
      'wrong-imprint',
      `the token's imprint uses ${imprint.hashAlgorithm.algorithmId}, not SHA-256`,
    );
  if (!Buffer.from(imprint.hashedMessage.getValue()).equals(Buffer.from(options.sha256Digest)))
    throw new TimestampError(
      'wrong-imprint',
      'the token time-stamps other data: its message imprint is not the digest asked',
    );
  if (options.nonce !== undefined && info.nonce?.toBigInt() !== options.nonce)
    throw new TimestampError(
      'wrong-nonce',
      `the token's nonce is ${info.nonce ? info.nonce.toBigInt() : 'absent'}, not the ${options.nonce} asked`,
    );

  return {
    genTime: info.genTime,
    serialNumber: Buffer.from(info.serialNumber.valueBlock.valueHexView).toString('hex'),
    policy: info.policy,
    tsa: signer.x509.subject.replace(/\n/g, ', '),
  };
}

import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, MessageImprint, TimeStampReq } from 'pkijs';
import { OID } from './timestamp.oids';

export interface TimestampRequest {
  /** DER of the RFC 3161 TimeStampReq, sent as `application/timestamp-query`. */
  der: Buffer;
  /** The nonce it carries: the token must repeat it. */
  nonce: bigint;
}

/** A positive 63-bit nonce: large enough that a replayed answer does not match. */
export function randomNonce(): bigint {
  const bytes = randomBytes(8);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.readBigUInt64BE() || 1n;
}

/**
 * RFC 3161 §2.4.1: version 1, a SHA-256 message imprint of the data, a nonce, and certReq true so
 * the TSA puts its certificate in the token (a verifier then needs only the TSA's CA).
 */
export function createTimestampRequest(sha256Digest: Uint8Array, nonce: bigint = randomNonce()): TimestampRequest {
  if (sha256Digest.length !== 32) throw new RangeError(`a SHA-256 digest is 32 bytes, not ${sha256Digest.length}`);
  if (nonce <= 0n) throw new RangeError('the nonce must be positive');
  const request = new TimeStampReq({
    version: 1,
    messageImprint: new MessageImprint({
      hashAlgorithm: new AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: sha256Digest }),
    }),
    nonce: asn1js.Integer.fromBigInt(nonce),
    certReq: true,
  });
  return { der: Buffer.from(request.toSchema().toBER()), nonce };
}

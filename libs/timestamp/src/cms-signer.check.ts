import { createHash, verify, type X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import type { Attribute, SignerInfo } from 'pkijs';
import { TimestampError } from './timestamp.errors';
import { DIGEST_ALGORITHMS, OID, SIGNATURE_ALGORITHMS } from './timestamp.oids';

/** The one value of the signed attribute `type`, refusing it absent or repeated (RFC 5652 §11). */
export function signedAttribute(signerInfo: SignerInfo, type: string, name: string): asn1js.AsnType | undefined {
  const found: Attribute[] = signerInfo.signedAttrs?.attributes.filter((a) => a.type === type) ?? [];
  if (found.length > 1)
    throw new TimestampError('bad-signed-attributes', `the ${name} attribute appears ${found.length} times`);
  const [attribute] = found;
  if (attribute && attribute.values.length !== 1)
    throw new TimestampError(
      'bad-signed-attributes',
      `the ${name} attribute has ${attribute.values.length} values, not one`,
    );
  return attribute?.values[0] as asn1js.AsnType | undefined;
}

export function digestName(algorithmId: string, what: string): string {
  const name = DIGEST_ALGORITHMS[algorithmId];
  if (!name)
    throw new TimestampError('unsupported-algorithm', `${what} uses digest ${algorithmId}; accepted: SHA-256/384/512`);
  return name;
}

/**
 * RFC 5652 §5.4 and §5.6: the signed attributes name the content type and the digest of the
 * TSTInfo, and the signature covers their DER (as a SET, exactly the bytes received).
 */
export function checkSignerSignature(signerInfo: SignerInfo, eContent: Buffer, signer: X509Certificate): void {
  if (!signerInfo.signedAttrs)
    throw new TimestampError('bad-signed-attributes', 'the signer has no signed attributes (required for TSTInfo)');
  const digest = digestName(signerInfo.digestAlgorithm.algorithmId, 'the signer');
  const contentType = signedAttribute(signerInfo, OID.contentTypeAttribute, 'content-type');
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== OID.tstInfo)
    throw new TimestampError('bad-signed-attributes', 'the content-type attribute is not id-ct-TSTInfo');
  const messageDigest = signedAttribute(signerInfo, OID.messageDigestAttribute, 'message-digest');
  if (!(messageDigest instanceof asn1js.OctetString))
    throw new TimestampError('bad-signed-attributes', 'the message-digest attribute is missing');
  if (!Buffer.from(messageDigest.getValue()).equals(createHash(digest).update(eContent).digest()))
    throw new TimestampError('bad-signature', `the message-digest attribute is not the ${digest} of the TSTInfo`);

  const algorithm = signerInfo.signatureAlgorithm.algorithmId;
  const spec = SIGNATURE_ALGORITHMS[algorithm];
  if (!spec) throw new TimestampError('unsupported-algorithm', `signature algorithm ${algorithm} is not supported`);
  const hash = spec.hash === undefined ? digest : spec.hash;
  const signed = Buffer.from(signerInfo.signedAttrs.encodedValue); // pkijs sets its first byte to SET (0x31)
  const signature = Buffer.from(signerInfo.signature.getValue());
  let valid = false;
  try {
    valid = verify(hash, signed, signer.publicKey, signature);
  } catch (error) {
    throw new TimestampError(
      'bad-signature',
      `the signature (${algorithm}) cannot be checked with the TSA certificate's key: ${(error as Error).message}`,
    );
  }
  if (!valid)
    throw new TimestampError('bad-signature', "the TSA's signature over the signed attributes does not verify");
}

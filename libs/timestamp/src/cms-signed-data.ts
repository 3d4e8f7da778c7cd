import type * as asn1js from 'asn1js';
import { ContentInfo, SignedData, type SignerInfo } from 'pkijs';
import { parseAs } from './der';
import { TimestampError } from './timestamp.errors';
import { OID } from './timestamp.oids';

export interface OpenedSignedData {
  signedData: SignedData;
  /** The DER TSTInfo the TSA signed (the encapsulated content). */
  eContent: Buffer;
  signerInfo: SignerInfo;
}

/**
 * A time-stamp token is a CMS ContentInfo holding SignedData whose encapsulated content is a
 * TSTInfo, with the TSA's signature as its only signer (RFC 3161 §2.4.2).
 */
export function openSignedData(asn1: asn1js.AsnType): OpenedSignedData {
  const contentInfo = parseAs('the token', () => new ContentInfo({ schema: asn1 }));
  if (contentInfo.contentType !== OID.signedData)
    throw new TimestampError('malformed', `the token's content type is ${contentInfo.contentType}, not signed-data`);
  const signedData = parseAs("the token's SignedData", () => new SignedData({ schema: contentInfo.content }));
  const { eContentType, eContent } = signedData.encapContentInfo;
  if (eContentType !== OID.tstInfo)
    throw new TimestampError('malformed', `the signed content type is ${eContentType}, not id-ct-TSTInfo`);
  if (!eContent) throw new TimestampError('malformed', 'the token carries no TSTInfo (detached content)');
  if (signedData.signerInfos.length !== 1)
    throw new TimestampError(
      'malformed',
      `the token has ${signedData.signerInfos.length} signers; RFC 3161 allows only the TSA's`,
    );
  const [signerInfo] = signedData.signerInfos;
  if (!signerInfo) throw new TimestampError('malformed', 'the token has no signer');
  return { signedData, eContent: Buffer.from(eContent.getValue()), signerInfo };
}

import { createHash } from 'node:crypto';
import { assertSignerStanding, type CertificateBook, type KnownCertificate } from './evidence-certificates.check';
import type { EvidenceBundle } from './evidence-bundle.schema';
import type { EvidenceChecks } from './evidence-check';
import { assertJwsSignature, readSignedJws, type OpenedJws } from './signed-jws';

export const ENVELOPE_TYP = 'bureaunet-envelope+jws';
export const DELIVERY_REPORT_TYP = 'bureaunet-report+jws';

/** What later checks need from the envelope's bytes (its own check says whether they are signed). */
export interface CheckedEnvelope {
  payload: Record<string, unknown>;
  /** base64url(SHA-256(protected "." payload)), as receipts and the ledger name it. */
  digest: string;
}

/**
 * The sender's envelope, every delivery report and every receipt; each a named piece. The digest
 * is of the bundled bytes whatever their signature: receipts and the ledger must name those.
 */
export function checkSignedObjects(
  bundle: EvidenceBundle,
  book: CertificateBook,
  checks: EvidenceChecks,
): CheckedEnvelope | undefined {
  let envelope: CheckedEnvelope | undefined;
  checks.attempt('envelope', () => {
    const jws = readSignedJws(bundle.envelope, 'envelope');
    envelope = { payload: jws.payload, digest: signingInputDigest(jws) };
    const signer = verifiedSigner(jws, book, 'envelope', ENVELOPE_TYP);
    if (jws.payload.id !== bundle.message_id) throw new Error(`envelope id is not ${bundle.message_id}`);
    if (jws.payload.from !== signer.code)
      throw new Error(`envelope is from ${String(jws.payload.from)}, signed by ${signer.code}`);
    assertSignerStanding(book, signer, new Date(String(jws.payload.createdAt)));
    return { value: undefined, reason: `signed by ${signer.code} at ${String(jws.payload.createdAt)}` };
  });
  bundle.reports.forEach((wrapped, index) => checkReport(wrapped, `report[${index}]`, bundle, envelope, book, checks));
  bundle.receipts.forEach((wrapped, index) =>
    checkReceipt(wrapped, `receipt[${index}]`, bundle, envelope, book, checks),
  );
  return envelope;
}

function checkReport(
  wrapped: string,
  piece: string,
  bundle: EvidenceBundle,
  envelope: CheckedEnvelope | undefined,
  book: CertificateBook,
  checks: EvidenceChecks,
): void {
  checks.attempt(piece, () => {
    const jws = readSignedJws(wrapped, piece);
    const signer = verifiedSigner(jws, book, piece, DELIVERY_REPORT_TYP);
    if (signer !== book.gateway) throw new Error(`${piece} is not signed by the gateway certificate`);
    const report = jws.payload;
    if (report.kind !== 'delivery-report' || report.envelopeId !== bundle.message_id)
      throw new Error(`${piece} is not a delivery report about ${bundle.message_id}`);
    if (report.envelopeDigest !== undefined && report.envelopeDigest !== envelope?.digest)
      throw new Error(`${piece} names another envelope digest`);
    assertSignerStanding(book, signer, new Date(String(report.createdAt)));
    return {
      value: undefined,
      reason: `${String(report.status)} for ${String(report.to)} at ${String(report.createdAt)}`,
    };
  });
}

function checkReceipt(
  wrapped: string,
  piece: string,
  bundle: EvidenceBundle,
  envelope: CheckedEnvelope | undefined,
  book: CertificateBook,
  checks: EvidenceChecks,
): void {
  checks.attempt(piece, () => {
    const jws = readSignedJws(wrapped, piece);
    const signer = verifiedSigner(jws, book, piece, ENVELOPE_TYP);
    const receipt = jws.payload;
    if (receipt.kind !== 'receipt' || receipt.from !== signer.code)
      throw new Error(`${piece} is not a receipt from its signer ${signer.code}`);
    const meta = receipt.meta as { receiptFor?: { id?: unknown; digest?: unknown } } | undefined;
    if (meta?.receiptFor?.id !== bundle.message_id || meta.receiptFor.digest !== envelope?.digest)
      throw new Error(`${piece} does not name this envelope's id and digest`);
    assertSignerStanding(book, signer, new Date(String(receipt.createdAt)));
    return { value: undefined, reason: `${signer.code} received it, signed at ${String(receipt.createdAt)}` };
  });
}

function verifiedSigner(jws: OpenedJws, book: CertificateBook, what: string, typ: string): KnownCertificate {
  if (jws.header.typ !== typ) throw new Error(`${what} has typ ${String(jws.header.typ)}, not ${typ}`);
  const signer = book.byFingerprint.get(jws.header.kid);
  if (!signer)
    throw new Error(`${what} is signed by kid ${jws.header.kid}, no certificate of the bundle chaining to the CA`);
  assertJwsSignature(jws, signer.cert.publicKey, what);
  return signer;
}

function signingInputDigest(jws: OpenedJws): string {
  return createHash('sha256').update(`${jws.protected}.${jws.payloadB64}`, 'ascii').digest('base64url');
}

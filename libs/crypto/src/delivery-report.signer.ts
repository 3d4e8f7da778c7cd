import type { KeyObject } from 'node:crypto';
import { DELIVERY_REPORT_TYP, deliveryReportSchema, type DeliveryReport, schemaIssues } from '@bureaunet/contracts';
import { CryptoError } from './crypto.errors';
import type { EnvelopeSigner } from './envelope.sealer';
import { MAX_ENVELOPE_BYTES } from './envelope.parser';
import { verifyJwsSignature } from './jws-signature.verifier';
import { signJsonPayload } from './jws.signer';
import { parseSignedJws } from './signed-jws.parser';

/** The gateway's signed answer to a submission: serialized flattened JWS JSON. */
// eslint-disable-next-line @typescript-eslint/require-await -- async keeps the contract: every refusal rejects
export async function signDeliveryReport(report: DeliveryReport, signer: EnvelopeSigner): Promise<string> {
  const checked = deliveryReportSchema.safeParse(report);
  if (!checked.success) throw new CryptoError('malformed-envelope', schemaIssues(checked.error, 'report'));
  const jws = signJsonPayload(checked.data, { kid: signer.kid, typ: DELIVERY_REPORT_TYP }, signer.key);
  return JSON.stringify(jws);
}

/** Same refusals as an envelope (size, alg allow-list, crit, typ), then the gateway's signature. */
// eslint-disable-next-line @typescript-eslint/require-await -- async keeps the contract: every refusal rejects
export async function openDeliveryReport(
  raw: string | Uint8Array,
  publicKey: KeyObject,
): Promise<{ report: DeliveryReport; kid: string }> {
  const { jws, header, payload } = parseSignedJws(raw, {
    what: 'delivery report',
    typ: DELIVERY_REPORT_TYP,
    maxBytes: MAX_ENVELOPE_BYTES,
  });
  verifyJwsSignature(jws, publicKey, 'delivery report');
  const checked = deliveryReportSchema.safeParse(payload);
  if (!checked.success) throw new CryptoError('malformed-envelope', schemaIssues(checked.error, 'report'));
  return { report: checked.data, kid: header.kid };
}

/** The kid a delivery report names, before any signature work: which of the gateway's keys to verify it with. */
export function deliveryReportKid(raw: string | Uint8Array): string {
  return parseSignedJws(raw, { what: 'delivery report', typ: DELIVERY_REPORT_TYP, maxBytes: MAX_ENVELOPE_BYTES }).header
    .kid;
}

import {
  ENVELOPE_TYP,
  envelopePayloadSchema,
  type EnvelopePayload,
  type FlattenedJws,
  schemaIssues,
} from '@bureaunet/contracts';
import { CryptoError } from './crypto.errors';
import { envelopeDigest } from './envelope.digest';
import { checkJweHeaders } from './jwe-header.check';
import type { JwsHeader } from './jws-header.check';
import { parseSignedJws } from './signed-jws.parser';

export const MAX_ENVELOPE_BYTES = 1_048_576;

export interface ParsedEnvelope {
  jws: FlattenedJws;
  header: JwsHeader;
  payload: EnvelopePayload;
  /** envelopeDigest(jws): what receipts and the ledger name the envelope by. */
  digest: string;
}

/**
 * Every check that needs no key, before any crypto: size, shape, algorithms, crit, typ, payload
 * schema. The signature is NOT verified yet: see verifyEnvelopeSignature.
 */
export function parseEnvelope(raw: string | Uint8Array, options: { maxBytes?: number } = {}): ParsedEnvelope {
  const { jws, header, payload } = parseSignedJws(raw, {
    what: 'envelope',
    typ: ENVELOPE_TYP,
    maxBytes: options.maxBytes ?? MAX_ENVELOPE_BYTES,
  });
  const checked = envelopePayloadSchema.safeParse(payload);
  if (!checked.success) throw new CryptoError('malformed-envelope', schemaIssues(checked.error, 'payload'));
  if (checked.data.content) checkJweHeaders(checked.data.content);
  return { jws, header, payload: checked.data, digest: envelopeDigest(jws) };
}

import type { EnvelopePayload, Refusal } from '@bureaunet/contracts';

/**
 * The sealer puts `bn_id` and `bn_from` in the content JWE's protected header (GCM additional
 * data), and every recipient refuses content bound to another envelope or sender. The gateway
 * reads the same header without decrypting, so it refuses such an envelope for the sender to see,
 * instead of delivering what no recipient will ever receipt. Call after the parser, which has
 * checked that the protected header is a base64url JSON object.
 */
export function checkContentBinding(payload: Pick<EnvelopePayload, 'id' | 'from' | 'content'>): Refusal | undefined {
  if (!payload.content) return undefined;
  const header = JSON.parse(Buffer.from(payload.content.protected, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  const mismatched = [
    header['bn_id'] === payload.id
      ? undefined
      : `bn_id ${JSON.stringify(header['bn_id'])} is not the envelope id ${payload.id}`,
    header['bn_from'] === payload.from
      ? undefined
      : `bn_from ${JSON.stringify(header['bn_from'])} is not the sender ${payload.from}`,
  ].filter((problem): problem is string => problem !== undefined);
  if (mismatched.length === 0) return undefined;
  return { code: 'content-binding-mismatch', message: `payload.content.protected: ${mismatched.join('; ')}` };
}

import type { KeyObject } from 'node:crypto';
import type { FlattenedJws } from '@bureaunet/contracts';
import { FlattenedSign } from 'jose';

const json64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWS built by hand, for headers no honest signer would produce (alg none, crit, HS256…). */
export function handBuiltJws(header: Record<string, unknown>, payload: unknown, signature = 'c2lnbmF0dXJl'): string {
  return JSON.stringify({ protected: json64(header), payload: json64(payload), signature });
}

/** Signs any payload with a real key, bypassing the sealer's validation: a dishonest or buggy sender. */
export async function signArbitraryJws(
  header: Record<string, unknown>,
  payload: unknown,
  key: KeyObject,
): Promise<FlattenedJws> {
  const signed = await new FlattenedSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader(header)
    .sign(key);
  return { protected: signed.protected ?? '', payload: signed.payload ?? '', signature: signed.signature };
}

/** Decodes a base64url JSON member (JWS payload, JWE protected header). */
export function decodeJson64(value: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export { json64 as encodeJson64 };

import { sign, type KeyObject } from 'node:crypto';
import type { FlattenedJws } from '@bureaunet/contracts';
import { JWS_ALGORITHM } from './jose-algorithms';
import { assertKeyType } from './key-type.check';

/**
 * Signs JSON.stringify(payload) as a flattened JWS with { alg: EdDSA, kid, typ }: RFC 7515
 * section 5.1 over ASCII(BASE64URL(protected) '.' BASE64URL(payload)). Ed25519 is deterministic,
 * so the result is byte for byte what jose's FlattenedSign produces for the same input.
 */
export function signJsonPayload(payload: unknown, header: { kid: string; typ: string }, key: KeyObject): FlattenedJws {
  assertKeyType(key, { asymmetricKeyType: 'ed25519', type: 'private' }, 'signer.key');
  const payloadBytes = Buffer.from(JSON.stringify(payload), 'utf8');
  return signFlattenedJws({ alg: JWS_ALGORITHM, kid: header.kid, typ: header.typ }, payloadBytes, key);
}

/** RFC 7515 flattened JWS of payload bytes under any protected header; the caller checked the key. */
export function signFlattenedJws(
  protectedHeader: Record<string, unknown>,
  payload: Uint8Array,
  key: KeyObject,
): FlattenedJws {
  const protectedB64 = base64urlJson(protectedHeader);
  const payloadB64 = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('base64url');
  const signature = sign(null, Buffer.from(`${protectedB64}.${payloadB64}`, 'ascii'), key);
  return { protected: protectedB64, payload: payloadB64, signature: signature.toString('base64url') };
}

function base64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

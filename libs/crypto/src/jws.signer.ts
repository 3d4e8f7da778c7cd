import type { KeyObject } from 'node:crypto';
import type { FlattenedJws } from '@bureaunet/contracts';
import { FlattenedSign } from 'jose';
import { JWS_ALGORITHM } from './jose-algorithms';
import { assertKeyType } from './key-type.check';

/** Signs JSON.stringify(payload) as a flattened JWS with { alg: EdDSA, kid, typ }. */
export async function signJsonPayload(
  payload: unknown,
  header: { kid: string; typ: string },
  key: KeyObject,
): Promise<FlattenedJws> {
  assertKeyType(key, { asymmetricKeyType: 'ed25519', type: 'private' }, 'signer.key');
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  const signed = await new FlattenedSign(bytes)
    .setProtectedHeader({ alg: JWS_ALGORITHM, kid: header.kid, typ: header.typ })
    .sign(key);
  // FlattenedSign always fills both for an encoded payload; its type is shared with detached ones.
  return { protected: signed.protected ?? '', payload: signed.payload ?? '', signature: signed.signature };
}

import type { KeyObject } from 'node:crypto';
import type { FlattenedJws } from '@bureaunet/contracts';
import { errors, flattenedVerify } from 'jose';
import { CryptoError } from './crypto.errors';
import { JWS_ALGORITHM } from './jose-algorithms';

/** Verifies over exactly the received protected and payload strings, never a re-serialization. */
export async function verifyJwsSignature(jws: FlattenedJws, publicKey: KeyObject, what: string): Promise<void> {
  if (publicKey.type !== 'public' || publicKey.asymmetricKeyType !== 'ed25519') {
    throw new CryptoError('bad-signature', `${what} cannot be verified: the sender's key is not an Ed25519 public key`);
  }
  try {
    await flattenedVerify({ protected: jws.protected, payload: jws.payload, signature: jws.signature }, publicKey, {
      algorithms: [JWS_ALGORITHM],
    });
  } catch (error) {
    if (error instanceof errors.JOSEError) {
      throw new CryptoError('bad-signature', `${what} signature does not verify (${error.code})`);
    }
    throw error;
  }
}

import { verify, type KeyObject } from 'node:crypto';
import type { FlattenedJws } from '@bureaunet/contracts';
import { decodeBase64url } from './base64url';
import { CryptoError } from './crypto.errors';
import { JWS_ALGORITHM } from './jose-algorithms';
import { parseJsonObject } from './utf8-json.decoder';

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const ED25519_SIGNATURE_BYTES = 64;

/**
 * Verifies over exactly the received protected and payload strings, never a re-serialization.
 * The refusals jose's flattenedVerify made come first, named by the codes jose gave them.
 */
export function verifyJwsSignature(jws: FlattenedJws, publicKey: KeyObject, what: string): void {
  if (publicKey.type !== 'public' || publicKey.asymmetricKeyType !== 'ed25519') {
    throw new CryptoError('bad-signature', `${what} cannot be verified: the sender's key is not an Ed25519 public key`);
  }
  const signature = checkVerifiable(jws, what);
  const signingInput = Buffer.from(`${jws.protected}.${jws.payload}`, 'ascii');
  if (signature.byteLength !== ED25519_SIGNATURE_BYTES || !verify(null, signingInput, publicKey, signature)) {
    throw refusal(what, 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  }
}

function checkVerifiable(jws: FlattenedJws, what: string): Uint8Array {
  const { protected: protectedB64, payload, signature } = jws as Partial<Record<keyof FlattenedJws, unknown>>;
  if (typeof protectedB64 !== 'string' || typeof payload !== 'string' || typeof signature !== 'string') {
    throw refusal(what, 'ERR_JWS_INVALID');
  }
  // Unprotected headers are not signed: nothing in them may steer verification.
  if (jws.header !== undefined) throw refusal(what, 'ERR_JWS_INVALID');
  let header: Record<string, unknown>;
  let signatureBytes: Uint8Array;
  try {
    header = parseJsonObject(decodeBase64url(protectedB64, 'protected'), 'protected');
    signatureBytes = decodeBase64url(signature, 'signature');
  } catch {
    throw refusal(what, 'ERR_JWS_INVALID');
  }
  // No extension is understood, b64 included (RFC 7797 would change what is signed).
  if ('crit' in header) throw refusal(what, 'ERR_JOSE_NOT_SUPPORTED');
  if (header['alg'] !== JWS_ALGORITHM) throw refusal(what, 'ERR_JOSE_ALG_NOT_ALLOWED');
  if (!BASE64URL.test(payload)) throw refusal(what, 'ERR_JWS_INVALID');
  return signatureBytes;
}

function refusal(what: string, code: string): CryptoError {
  return new CryptoError('bad-signature', `${what} signature does not verify (${code})`);
}

import { evaluatorKeyId, type EvaluatorKey } from '@bureaunet/contracts';
import type { Poprf } from '@bureaunet/oprf';

/** DeriveKeyPair's public key info: names the key's purpose and version; a new key gets a new label. */
export const EVALUATOR_KEY_INFO = new TextEncoder().encode('bureaunet/sltd/v1 evaluator key');

export const EVALUATOR_KEY = Symbol('EVALUATOR_KEY');
export const POPRF = Symbol('POPRF');

/** The evaluator's key pair and the name it goes by; the secret key stays in this process. */
export interface EvaluatorKeyPair {
  keyId: string;
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

export function deriveEvaluatorKey(poprf: Poprf, seed: Uint8Array): EvaluatorKeyPair {
  const { secretKey, publicKey } = poprf.deriveKeyPair({ seed, keyInfo: EVALUATOR_KEY_INFO });
  return { keyId: evaluatorKeyId(publicKey), publicKey, secretKey };
}

/** What the evaluator tells anyone who asks for its key. */
export function publishedKey(key: EvaluatorKeyPair): EvaluatorKey {
  return { keyId: key.keyId, publicKey: Buffer.from(key.publicKey).toString('base64url') };
}

import { createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A bureau's two keys: Ed25519 signs envelopes and receipts, X25519 receives JWE entries. */
export interface BureauKeys {
  signing: KeyPair;
  encryption: KeyPair;
}

// The async form runs in the thread pool; generateKeyPairSync in a tight loop hung Node 20.20.
const generateKeyPairAsync = promisify(generateKeyPair);

export async function generateBureauKeys(): Promise<BureauKeys> {
  const [signing, encryption] = await Promise.all([generateKeyPairAsync('ed25519'), generateKeyPairAsync('x25519')]);
  return { signing, encryption };
}

export function exportPrivateKeyPem(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** Accepts a private key too and exports its public half. */
export function exportPublicKeyPem(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

import { X509Certificate, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { UsageError } from './audit.errors';

/**
 * The gateway's public key as the auditor was given it (its certificate from the registry's
 * directory, or an SPKI PEM): never the one the gateway serves, which a forger would replace.
 */
export function readPinnedKey(path: string): KeyObject {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the key file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let key: KeyObject;
  try {
    key = pem.includes('BEGIN CERTIFICATE') ? new X509Certificate(pem).publicKey : createPublicKey(pem);
  } catch (error) {
    throw new UsageError(
      `${path} holds neither a PEM certificate nor a PEM public key: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new UsageError(
      `${path}: the gateway signs tree heads with Ed25519, this key is ${key.asymmetricKeyType ?? 'not asymmetric'}`,
    );
  return key;
}

import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeSecretFileAtomically } from './secret-file.writer';

/** Why a service will not start with the key file it found; never quotes the key. */
export class Ed25519KeyFileError extends Error {
  override readonly name = 'Ed25519KeyFileError';
}

/**
 * An Ed25519 private key (a witness's cosigning key), PKCS#8 PEM in a 0600 file, made when missing.
 * A key file open to other users is refused, not repaired: whoever read it can sign as its owner,
 * and only a person can decide to retire the key.
 */
export function loadOrCreateEd25519Key(
  path: string,
  logger?: { log(message: string): void },
): { privateKey: KeyObject; created: boolean } {
  if (inspectKeyFile(path)) return { privateKey: readKey(path), created: false };
  const { privateKey } = generateKeyPairSync('ed25519');
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeSecretFileAtomically(path, privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  logger?.log(`made a new Ed25519 key in ${path}`);
  return { privateKey, created: true };
}

function inspectKeyFile(path: string): boolean {
  let stat;
  try {
    stat = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if (!stat.isFile()) throw new Ed25519KeyFileError(`${path} is not a regular file (a link is not followed)`);
  const mode = stat.mode & 0o777;
  if (mode & 0o077)
    throw new Ed25519KeyFileError(
      `${path} is readable by other users (mode 0${mode.toString(8).padStart(3, '0')}): treat the key as exposed and retire it, or chmod 600 the file if you know nobody read it`,
    );
  // A PEM Ed25519 key is about 120 bytes: anything large is not one, and is not read.
  if (stat.size > 4_096) throw new Ed25519KeyFileError(`${path} has ${stat.size} bytes: not an Ed25519 PEM key`);
  return true;
}

function readKey(path: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(readFileSync(path));
  } catch {
    throw new Ed25519KeyFileError(`${path} is not a PEM private key`);
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Ed25519KeyFileError(`${path} holds a ${key.asymmetricKeyType ?? 'non-asymmetric'} key, not Ed25519`);
  return key;
}

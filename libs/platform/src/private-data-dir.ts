import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';

/** Files this process creates from now on are 0600 and folders 0700 (SQLite's -wal and -shm too). */
export const PRIVATE_UMASK = 0o077;

/** Private keys: readable by others means possibly copied already, which a chmod cannot undo. */
const PRIVATE_KEY_FILE = /\.key(\.pem)?$/;

/** Bounds the walk: a data folder holds a database, its WAL and a few identity files. */
const MAX_ENTRIES = 10_000;

export class ExposedFileError extends Error {
  override readonly name = 'ExposedFileError';
}

/**
 * Prepares a service's data folder (database, keys, decrypted content) before anything opens it:
 * sets the process umask to 077, creates the folder 0700, and checks what is already there. A
 * folder or a database open to others is repaired (chmod, with a warning naming it): its owner
 * made it and can only mean it private. A private key open to others is refused, as OpenSSH does:
 * it may have been copied already, and only a person can decide to re-enrol or to trust it.
 */
export function preparePrivateDataDir(dir: string, logger: Pick<Logger, 'warn'> = new Logger('DataDir')): void {
  process.umask(PRIVATE_UMASK);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const exposedKeys: string[] = [];
  const pending = [dir];
  let seen = 0;
  while (pending.length > 0 && seen < MAX_ENTRIES) {
    const path = pending.pop()!;
    seen += 1;
    const stat = lstatSync(path);
    // A link is not followed: what it points to is not this folder's to repair.
    if (stat.isSymbolicLink()) continue;
    const mode = stat.mode & 0o777;
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) pending.push(join(path, entry));
      if (mode & 0o077) repair(path, mode, 0o700, logger);
    } else if (mode & 0o077) {
      if (PRIVATE_KEY_FILE.test(path)) exposedKeys.push(`${path} (mode ${octal(mode)})`);
      else repair(path, mode, 0o600, logger);
    }
  }
  if (exposedKeys.length > 0) {
    throw new ExposedFileError(
      `private key readable by other users: ${exposedKeys.join(', ')}; treat it as exposed (re-enrol the bureau), or chmod 600 it if you know nobody read it`,
    );
  }
}

function repair(path: string, mode: number, wanted: number, logger: Pick<Logger, 'warn'>): void {
  chmodSync(path, wanted);
  logger.warn(`${path} was mode ${octal(mode)}, open to other users: now ${octal(wanted)}`);
}

function octal(mode: number): string {
  return `0${mode.toString(8).padStart(3, '0')}`;
}

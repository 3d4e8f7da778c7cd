import { randomBytes as systemRandomBytes } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { preparePrivateDataDir, writeSecretFileAtomically } from '@bureaunet/platform/stateless';

export const POPRF_SEED_FILE = 'poprf-seed';
export const POPRF_SEED_BYTES = 32;

/** Why the evaluator will not start with the seed it found; never quotes the seed. */
export class PoprfSeedFileError extends Error {
  override readonly name = 'PoprfSeedFileError';
}

export interface PoprfSeedOptions {
  /** Only tests pass their own. */
  randomBytes?: (size: number) => Uint8Array;
  logger?: { log(message: string): void; warn(message: string): void };
}

/**
 * The evaluator's one secret: 32 bytes from which the POPRF key is derived, in `<dir>/poprf-seed`
 * (0600, in a 0700 folder). Made at the first start. A seed file open to other users is refused,
 * not repaired: whoever could read it can enumerate every replica offline, and only a person can
 * decide whether to rotate the key. A file of the wrong size is refused too: another key from a
 * truncated seed would silently unpair every index from the documents it was made for.
 */
export function loadOrCreatePoprfSeed(dir: string, options: PoprfSeedOptions = {}): Uint8Array {
  const path = join(dir, POPRF_SEED_FILE);
  // Before preparePrivateDataDir, which would chmod an exposed file and so hide that it was exposed.
  const existing = inspectSeedFile(path);
  preparePrivateDataDir(dir, options.logger);
  if (existing) return readSeed(path);
  const seed = (options.randomBytes ?? systemRandomBytes)(POPRF_SEED_BYTES);
  if (seed.length !== POPRF_SEED_BYTES) throw new PoprfSeedFileError(`randomBytes gave ${seed.length} bytes`);
  writeSecretFileAtomically(path, seed);
  options.logger?.log(`made a new POPRF seed in ${path}`);
  return seed;
}

/** Whether a seed file is there; throws when it is there but unusable. */
function inspectSeedFile(path: string): boolean {
  let stat;
  try {
    stat = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if (!stat.isFile())
    throw new PoprfSeedFileError(`${path} is not a regular file: move it away (a link is not followed)`);
  const mode = stat.mode & 0o777;
  if (mode & 0o077)
    throw new PoprfSeedFileError(
      `${path} is readable by other users (mode 0${mode.toString(8).padStart(3, '0')}): treat the evaluator key as exposed and rotate it, or chmod 600 the file if you know nobody read it`,
    );
  if (stat.size !== POPRF_SEED_BYTES)
    throw new PoprfSeedFileError(
      `${path} has ${stat.size} bytes, a POPRF seed has ${POPRF_SEED_BYTES}: restore it from a backup (a new seed would be a new key)`,
    );
  return true;
}

function readSeed(path: string): Uint8Array {
  const seed = new Uint8Array(readFileSync(path));
  // Between the check and the read something may have changed the file.
  if (seed.length !== POPRF_SEED_BYTES)
    throw new PoprfSeedFileError(`${path} has ${seed.length} bytes, a POPRF seed has ${POPRF_SEED_BYTES}`);
  return seed;
}

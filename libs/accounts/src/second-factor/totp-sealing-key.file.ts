import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in a service's data folder that holds the key TOTP secrets are sealed under. */
export const TOTP_SEALING_KEY_FILE = 'totp-sealing.key';

const KEY_BYTES = 32;

/**
 * Reads the data folder's TOTP sealing key, making it (32 random bytes, 0600) on first use. The
 * ".key" name puts it under preparePrivateDataDir's rule: a key readable by others stops the start.
 * A key of the wrong size is refused rather than replaced: replacing it would lock every enrolled
 * person out without a word.
 */
export function loadTotpSealingKey(dataDir: string): Uint8Array {
  const path = join(dataDir, TOTP_SEALING_KEY_FILE);
  // A service whose start did not prepare its folder yet (a test's bootstrap) still gets a private one.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const size = statSync(path).size;
  if (size !== KEY_BYTES) throw new Error(`${path} must hold ${KEY_BYTES} bytes, it holds ${size}`);
  return Uint8Array.from(readFileSync(path));
}

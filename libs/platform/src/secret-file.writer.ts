import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';

/**
 * Writes a key or seed readable by its owner only (0600): write, fsync, rename, so a crash leaves
 * either no file or the whole one, never half of a secret.
 */
export function writeSecretFileAtomically(path: string, data: string | Uint8Array): void {
  const staging = `${path}.tmp`;
  const fd = openSync(staging, 'w', 0o600);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(staging, path);
}

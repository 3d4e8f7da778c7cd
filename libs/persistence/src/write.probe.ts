import type { SerialWriter } from './serial-writer';

class ProbeRolledBack extends Error {}

/**
 * A real write through the single writer, then rolled back: it waits its turn behind the queued
 * writes, takes SQLite's write lock, and allocates a page for a table, so a read-only file, a
 * database at its DATABASE_MAX_MB ceiling or a stuck writer fail it (storage-full, SQLITE_READONLY),
 * while nothing is ever left behind — no row, no schema change, no WAL frame.
 */
export async function probeWrite(writer: SerialWriter): Promise<void> {
  try {
    await writer.transaction(async (manager) => {
      await manager.query('CREATE TABLE "write_probe" ("at" integer)');
      await manager.query('INSERT INTO "write_probe" ("at") VALUES (1)');
      throw new ProbeRolledBack('probe done');
    });
  } catch (error) {
    if (error instanceof ProbeRolledBack) return;
    throw error;
  }
}

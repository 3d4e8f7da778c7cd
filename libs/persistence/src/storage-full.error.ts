import { DomainError } from '@bureaunet/contracts';

/**
 * SQLITE_FULL — the disk, or the database's size limit (DATABASE_MAX_MB), is full — as a domain
 * error: the HTTP caller gets 503 storage-full instead of a 500, a consumer's handler fails and the
 * message stays on its stream, and SQLite has rolled the transaction back whole.
 */
export function storageFullOrSelf(error: unknown): unknown {
  const code =
    (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code ??
    (error as { code?: unknown } | null)?.code;
  // 53100: PostgreSQL's disk_full.
  if (code !== 'SQLITE_FULL' && code !== '53100') return error;
  return new DomainError(
    'storage-full',
    'the database is full (disk or DATABASE_MAX_MB): nothing was stored; try again once space is freed',
    'unavailable',
  );
}

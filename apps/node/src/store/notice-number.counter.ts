import { sqlStatements } from '@bureaunet/persistence';
import type { EntityManager } from 'typeorm';

/**
 * One statement that creates the year's counter at 1 or advances it. On PostgreSQL the row stays
 * locked until the transaction ends, so a second hub process on the same database waits for the
 * first one's COMMIT (and takes the next number) or its ROLLBACK (and takes the same one); on
 * SQLite the SerialWriter runs one transaction at a time.
 */
const NEXT =
  'INSERT INTO "notice_number_counter" ("year", "last") VALUES (?, 1)' +
  ' ON CONFLICT ("year") DO UPDATE SET "last" = "notice_number_counter"."last" + 1 RETURNING "last"';

/** The next notice sequence of `year`, taken inside the caller's transaction (pass its manager). */
export async function nextNoticeSequence(manager: EntityManager, year: number): Promise<number> {
  if (!manager.queryRunner?.isTransactionActive)
    throw new Error('a notice number is taken inside the transaction that publishes the notice');
  const row = await sqlStatements(manager).one<{ last: number }>(NEXT, [year]);
  if (row === undefined) throw new Error(`notice_number_counter returned no number for ${year}`);
  return row.last;
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sqlStatements } from '@bureaunet/persistence';

/** What a holder knows of a lease it took: the epoch its fenced commits must still find. */
export interface HeldLease {
  name: string;
  epoch: number;
}

/** Before every real instant: a released lease is free at once. */
const RELEASED_AT = '1970-01-01T00:00:00.000Z';

// Takes a free, released or expired lease (epoch + 1), or makes it; a live one is left alone.
const ACQUIRE = `INSERT INTO gateway_lease (name, holder, epoch, "expiresAt") VALUES (?, ?, 1, ?)
  ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, epoch = gateway_lease.epoch + 1, "expiresAt" = excluded."expiresAt"
  WHERE gateway_lease."expiresAt" <= ?`;
const READ = `SELECT holder, epoch FROM gateway_lease WHERE name = ?`;
const RENEW = `UPDATE gateway_lease SET "expiresAt" = ? WHERE name = ? AND holder = ? AND epoch = ?`;
const RELEASE = `UPDATE gateway_lease SET holder = '', "expiresAt" = ? WHERE name = ? AND holder = ? AND epoch = ?`;
// A presence row is the holder's alone: made or pushed forward, never taken over.
const ATTEND = `INSERT INTO gateway_lease (name, holder, epoch, "expiresAt") VALUES (?, ?, 1, ?)
  ON CONFLICT (name) DO UPDATE SET "expiresAt" = excluded."expiresAt"`;
const LIVE_HOLDERS = `SELECT DISTINCT holder FROM gateway_lease WHERE "expiresAt" > ? AND holder <> ''`;
const FORGET_ABSENT = `DELETE FROM gateway_lease WHERE name LIKE 'gateway:%' AND "expiresAt" <= ?`;

/**
 * The gateway_lease rows, always through the caller's transaction manager. Every statement is a
 * single compare-and-set, so two gateways racing for one lease cannot both win, on SQLite or on
 * PostgreSQL at READ COMMITTED (the UPDATE of the upsert re-checks its WHERE on the latest row).
 */
@Injectable()
export class GatewayLeaseRepository {
  /** The lease, newly taken by `holder` until `expiresAt`; undefined when another holds it. */
  async acquire(
    manager: EntityManager,
    name: string,
    holder: string,
    now: string,
    expiresAt: string,
  ): Promise<HeldLease | undefined> {
    const statements = sqlStatements(manager);
    await statements.run(ACQUIRE, [name, holder, expiresAt, now]);
    const row = await statements.one<{ holder: string; epoch: number | string }>(READ, [name]);
    // Another holder, or this one's lease from before a restart: the epoch did not change for us.
    if (!row || row.holder !== holder) return undefined;
    return { name, epoch: Number(row.epoch) };
  }

  /** Whether the lease was still `held` (same holder and epoch) and now runs until `expiresAt`. */
  async renew(manager: EntityManager, held: HeldLease, holder: string, expiresAt: string): Promise<boolean> {
    return (await sqlStatements(manager).run(RENEW, [expiresAt, held.name, holder, held.epoch])) === 1;
  }

  async release(manager: EntityManager, held: HeldLease, holder: string): Promise<void> {
    await sqlStatements(manager).run(RELEASE, [RELEASED_AT, held.name, holder, held.epoch]);
  }

  /** `holder`'s presence until `expiresAt`; the presences that ran out are deleted on the way. */
  async attend(manager: EntityManager, holder: string, now: string, expiresAt: string): Promise<void> {
    const statements = sqlStatements(manager);
    await statements.run(FORGET_ABSENT, [now]);
    await statements.run(ATTEND, [`gateway:${holder}`, holder, expiresAt]);
  }

  /** The holders of any unexpired lease (presences included). */
  async liveHolders(manager: EntityManager, now: string): Promise<string[]> {
    const rows = await sqlStatements(manager).all<{ holder: string }>(LIVE_HOLDERS, [now]);
    return rows.map((row) => row.holder);
  }

  /**
   * Whether `holder` still holds `held`, read so that the lease cannot change hands before the
   * caller's transaction ends: on PostgreSQL the row is share-locked (a takeover's UPDATE waits
   * for this commit, and a commit after the takeover finds the new holder); on SQLite the
   * database's single writer serialises the transaction with any takeover anyway.
   */
  async stillHeld(manager: EntityManager, held: HeldLease, holder: string): Promise<boolean> {
    const lock = manager.connection.options.type === 'postgres' ? ' FOR SHARE' : '';
    const row = await sqlStatements(manager).one<{ holder: string; epoch: number | string }>(READ + lock, [held.name]);
    return row !== undefined && row.holder === holder && Number(row.epoch) === held.epoch;
  }
}

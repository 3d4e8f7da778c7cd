import type { DataSource, EntityManager } from 'typeorm';
import { sqlStatements } from './sql-statements';
import { storageFullOrSelf } from './storage-full.error';

type Work<T> = (manager: EntityManager) => Promise<T>;

interface Job {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** The work only collects (it writes nothing and cannot fail half-way): no savepoint needed. */
  collectsOnly: boolean;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Writes many jobs of one transaction want made once, just before its COMMIT (e.g. log appends). */
export type Flush<T> = (manager: EntityManager, items: T[]) => Promise<void>;

interface Collection {
  flush: Flush<unknown>;
  /** Items per job, so a job that rolls back to its savepoint takes its items with it. */
  byJob: Map<number, unknown[]>;
}

interface OpenTransaction {
  manager: EntityManager;
  job: number;
  collections: Map<object, Collection>;
}

/**
 * TypeORM's SQLite driver has one connection and one query runner: two overlapping
 * `transaction()` calls interleave their statements and can leave partial rows. Every write in a
 * process goes through this queue, one transaction at a time.
 *
 * Group commit: writes that queue up while a transaction runs are committed together in the next
 * one, each inside its own savepoint, so one fsync serves many callers and a failing write still
 * rolls back alone. Every caller's promise settles only after the shared COMMIT.
 */
export class SerialWriter {
  private readonly queue: Job[] = [];
  private draining = false;
  private idleWaiters: Array<() => void> = [];
  private open: OpenTransaction | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly maxBatch = 64,
  ) {}

  /** Runs `work` in a transaction after every write queued before it; resolves after COMMIT. */
  transaction<T>(work: Work<T>): Promise<T> {
    return this.enqueue(work, false);
  }

  /**
   * Resolves after the COMMIT of a transaction whose flush wrote `items` (with those of every other
   * caller sharing it): `transaction` + `collect` for a caller that writes nothing else, without
   * the SAVEPOINT and RELEASE each job of a shared commit otherwise costs.
   */
  collectAlone<T>(key: object, items: readonly T[], flush: Flush<T>): Promise<void> {
    return this.enqueue((manager) => Promise.resolve(this.collect(manager, key, items, flush)), true);
  }

  private async enqueue<T>(work: Work<T>, collectsOnly: boolean): Promise<T> {
    const committed = new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject, collectsOnly });
      void this.drain();
    });
    try {
      return await committed;
    } catch (error) {
      // Whatever the work threw, passed on as thrown: only SQLITE_FULL becomes a domain error.
      throw storageFullOrSelf(error);
    }
  }

  /**
   * Adds items to be written once for the whole transaction, by `flush`, just before COMMIT, in
   * the order the jobs ran: e.g. one multi-row INSERT for the ledger entries of every job that
   * shares a group commit. Items of a job that fails are dropped with its savepoint.
   */
  collect<T>(manager: EntityManager, key: object, items: readonly T[], flush: Flush<T>): void {
    const open = this.open;
    if (!open || open.manager !== manager)
      throw new Error('collect() needs the manager of a SerialWriter transaction that is running');
    let collection = open.collections.get(key);
    if (!collection) {
      collection = { flush: flush as Flush<unknown>, byJob: new Map() };
      open.collections.set(key, collection);
    }
    const own = collection.byJob.get(open.job) ?? [];
    own.push(...items);
    collection.byJob.set(open.job, own);
  }

  /** Waits until every write queued so far has settled. */
  idle(): Promise<void> {
    if (!this.draining && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0) await this.commit(this.queue.splice(0, this.maxBatch));
    } finally {
      this.draining = false;
      this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  private async commit(batch: Job[]): Promise<void> {
    if (batch.length === 1) {
      const [job] = batch as [Job];
      await this.dataSource
        .transaction(async (manager) => {
          const value = await this.run(manager, 0, job.work);
          await this.flushCollected();
          return value;
        })
        .then(job.resolve, job.reject)
        .finally(() => (this.open = undefined));
      return;
    }
    const outcomes: Outcome[] = [];
    try {
      await this.dataSource.transaction(async (manager) => {
        for (const [index, job] of batch.entries()) {
          const outcome = job.collectsOnly
            ? await this.run(manager, index, job.work).then((value): Outcome => ({ ok: true, value }))
            : await runInSavepoint(manager, (inner) => this.run(inner, index, job.work));
          if (!outcome.ok) this.open?.collections.forEach((collection) => collection.byJob.delete(index));
          outcomes.push(outcome);
        }
        await this.flushCollected();
      });
    } catch (error) {
      batch.forEach((job) => job.reject(error));
      return;
    } finally {
      this.open = undefined;
    }
    batch.forEach((job, index) => {
      const outcome = outcomes[index];
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }

  private run<T>(manager: EntityManager, job: number, work: Work<T>): Promise<T> {
    this.open = {
      manager,
      job,
      collections: this.open?.manager === manager ? this.open.collections : new Map<object, Collection>(),
    };
    return work(manager);
  }

  private async flushCollected(): Promise<void> {
    const open = this.open;
    if (!open) return;
    for (const collection of open.collections.values()) {
      const items = [...collection.byJob.keys()].sort((a, b) => a - b).flatMap((job) => collection.byJob.get(job)!);
      if (items.length > 0) await collection.flush(open.manager, items);
    }
  }
}

async function runInSavepoint(manager: EntityManager, work: Work<unknown>): Promise<Outcome> {
  // Two statements per job of every shared commit: prepared once rather than built by TypeORM each time.
  const statements = sqlStatements(manager);
  const statement = (sql: string) => statements.run(sql, []);
  await statement('SAVEPOINT serial_writer_job');
  try {
    const value = await work(manager);
    await statement('RELEASE SAVEPOINT serial_writer_job');
    return { ok: true, value };
  } catch (error) {
    await manager.query('ROLLBACK TO SAVEPOINT serial_writer_job');
    await manager.query('RELEASE SAVEPOINT serial_writer_job');
    return { ok: false, error };
  }
}

/** Durability settings that TypeORM's options do not expose. Call once after initialize(). */
export async function applyDurabilityPragmas(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'sqlite') return;
  await dataSource.query('PRAGMA synchronous = FULL');
  await dataSource.query('PRAGMA foreign_keys = ON');
}

/**
 * Caps the file at maxBytes (rounded down to whole pages). SQLite never lowers the cap below the
 * pages already in use, so a full database restarted with the same cap accepts nothing new.
 */
export async function applySizeCeiling(dataSource: DataSource, maxBytes: number): Promise<void> {
  const [{ page_size: pageSize }] = await dataSource.query<[{ page_size: number }]>('PRAGMA page_size');
  await dataSource.query(`PRAGMA max_page_count = ${Math.max(1, Math.floor(maxBytes / pageSize))}`);
}

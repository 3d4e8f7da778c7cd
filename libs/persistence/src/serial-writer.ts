import type { DataSource, EntityManager } from 'typeorm';

type Work<T> = (manager: EntityManager) => Promise<T>;

interface Job {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

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

  constructor(
    private readonly dataSource: DataSource,
    private readonly maxBatch = 64,
  ) {}

  /** Runs `work` in a transaction after every write queued before it; resolves after COMMIT. */
  transaction<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      void this.drain();
    });
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
      await this.dataSource.transaction(job.work).then(job.resolve, job.reject);
      return;
    }
    const outcomes: Outcome[] = [];
    try {
      await this.dataSource.transaction(async (manager) => {
        for (const job of batch) outcomes.push(await runInSavepoint(manager, job.work));
      });
    } catch (error) {
      batch.forEach((job) => job.reject(error));
      return;
    }
    batch.forEach((job, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }
}

async function runInSavepoint(manager: EntityManager, work: Work<unknown>): Promise<Outcome> {
  await manager.query('SAVEPOINT serial_writer_job');
  try {
    const value = await work(manager);
    await manager.query('RELEASE SAVEPOINT serial_writer_job');
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

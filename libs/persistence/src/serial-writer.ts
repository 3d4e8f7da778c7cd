import type { DataSource, EntityManager } from 'typeorm';

/**
 * TypeORM's SQLite driver has one connection and one query runner: two overlapping
 * `transaction()` calls interleave their statements and can leave partial rows. Every write in a
 * process goes through this queue, one transaction at a time.
 */
export class SerialWriter {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in its own transaction after every write queued before it has settled. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const run = this.tail.then(
      () => this.dataSource.transaction(work),
      () => this.dataSource.transaction(work),
    );
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Waits until every write queued so far has settled. */
  async idle(): Promise<void> {
    await this.tail;
  }
}

/** Durability settings that TypeORM's options do not expose. Call once after initialize(). */
export async function applyDurabilityPragmas(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'sqlite') return;
  await dataSource.query('PRAGMA synchronous = FULL');
  await dataSource.query('PRAGMA foreign_keys = ON');
}

import type { DataSource, EntityManager } from 'typeorm';
import { SerialWriter } from './serial-writer';

/**
 * Several reads that must agree with each other (a bureau and its certificates, a rule bundle)
 * run in one transaction on the read connection: a committed snapshot that never waits behind
 * the writer. They are queued because the driver has one query runner per connection.
 */
export class SnapshotReader {
  private readonly queue: SerialWriter | undefined;

  constructor(private readonly readConnection: DataSource) {
    // PostgreSQL reads from a pool: each snapshot is its own REPEATABLE READ transaction, none waits.
    this.queue = readConnection.options.type === 'sqlite' ? new SerialWriter(readConnection) : undefined;
  }

  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.queue) return this.queue.transaction(work);
    return this.readConnection.transaction('REPEATABLE READ', work);
  }
}

import type { DataSource, EntityManager } from 'typeorm';
import { SerialWriter } from './serial-writer';

/**
 * Several reads that must agree with each other (a bureau and its certificates, a rule bundle)
 * run in one transaction on the read connection: a committed snapshot that never waits behind
 * the writer. They are queued because the driver has one query runner per connection.
 */
export class SnapshotReader {
  private readonly queue: SerialWriter;

  constructor(readConnection: DataSource) {
    this.queue = new SerialWriter(readConnection);
  }

  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.queue.transaction(work);
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { SerialWriter } from '@bureaunet/persistence';
import { BusClient, publishFailureOf } from '@bureaunet/transport';
import { IsNull, type EntityManager } from 'typeorm';
import { SltdRecordEntity } from '../../store/sltd-record.entity';
import { sltdFeedMessage } from './sltd-feed.message';

/** Rows read and published per round; the next round follows at once while there are more. */
export const SLTD_PUBLISH_BATCH = 256;
/** Publishes awaited together: distinct entries of one batch, so their order does not matter. */
const IN_FLIGHT = 32;

/** What a round did, for the logs and the tests. */
export interface SltdPublishRound {
  published: number;
  failed: number;
}

/**
 * The outbox of the replica feed: an accepted change is committed to sltd_record first, then put on
 * BN_SLTD, and the row records the stream's sequence. A row without one (a crash between commit and
 * publish, a bus that was down) is published by the next round: on start, after each intake, and
 * on the keeper's schedule. One round at a time, so the newest version of an entry is always the
 * last one published on its subject.
 */
@Injectable()
export class SltdPublisher {
  private readonly logger = new Logger(SltdPublisher.name);
  private running: Promise<SltdPublishRound> | undefined;
  private again = false;

  constructor(
    private readonly writer: SerialWriter,
    private readonly bus: BusClient,
  ) {}

  /**
   * Publishes every row not on the stream yet. Called inside an intake's transaction, its first read
   * queues behind that transaction and so sees what it committed.
   */
  kick(): Promise<SltdPublishRound> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async (): Promise<SltdPublishRound> => {
      const total: SltdPublishRound = { published: 0, failed: 0 };
      try {
        do {
          this.again = false;
          const round = await this.drain();
          total.published += round.published;
          total.failed += round.failed;
          if (round.failed > 0) {
            this.again = false; // the bus is in trouble: the schedule tries again
            break;
          }
        } while (this.again);
      } catch (error) {
        // The database: what is not marked stays unpublished, and the schedule tries again.
        total.failed += 1;
        this.again = false;
        this.logger.error(`replica feed round failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      return total;
    };
    this.running = run().finally(() => {
      this.running = undefined;
      // A kick that came after the last look but before this: one more round.
      if (this.again) void this.kick();
    });
    return this.running;
  }

  /** The stream was made anew (its store lost): every row goes on it again. */
  async republishAll(): Promise<number> {
    const result = await this.writer.transaction((manager) =>
      manager.createQueryBuilder().update(SltdRecordEntity).set({ publishedSequence: null }).execute(),
    );
    const rows = result.affected ?? 0;
    if (rows > 0) this.logger.warn(`${rows} index entries to publish again: the replica stream was made anew`);
    return rows;
  }

  private async drain(): Promise<SltdPublishRound> {
    const round: SltdPublishRound = { published: 0, failed: 0 };
    for (;;) {
      const rows = await this.writer.transaction((manager) => unpublished(manager));
      if (rows.length === 0) return round;
      const sequences = new Map<SltdRecordEntity, number>();
      for (let start = 0; start < rows.length && round.failed === 0; start += IN_FLIGHT) {
        const outcomes = await Promise.allSettled(rows.slice(start, start + IN_FLIGHT).map((row) => this.publish(row)));
        outcomes.forEach((outcome, offset) => {
          if (outcome.status === 'fulfilled') sequences.set(rows[start + offset], outcome.value);
          else round.failed += 1;
        });
        const firstFailure = outcomes.find((outcome) => outcome.status === 'rejected');
        if (firstFailure?.status === 'rejected')
          this.logger.warn(
            `index entries not published yet (${publishFailureOf(firstFailure.reason)}): left for the next round`,
          );
      }
      await this.writer.transaction((manager) => markPublished(manager, sequences));
      round.published += sequences.size;
      if (round.failed > 0 || rows.length < SLTD_PUBLISH_BATCH) return round;
    }
  }

  private async publish(row: SltdRecordEntity): Promise<number> {
    const { subject, msgId, body } = sltdFeedMessage(row);
    // Logged as the country and version only: the subject and the msgId carry the index.
    const ack = await this.bus.publish(subject, JSON.stringify(body), {
      msgId,
      logAs: `of an index entry of ${row.issuingCountry} at version ${row.version}`,
    });
    return ack.seq;
  }
}

function unpublished(manager: EntityManager): Promise<SltdRecordEntity[]> {
  return manager.find(SltdRecordEntity, {
    where: { publishedSequence: IsNull() },
    order: { receivedAt: 'ASC' },
    take: SLTD_PUBLISH_BATCH,
  });
}

/** Only the version that was published: a newer one committed meanwhile stays for the next round. */
async function markPublished(manager: EntityManager, sequences: ReadonlyMap<SltdRecordEntity, number>): Promise<void> {
  for (const [row, sequence] of sequences)
    await manager.update(
      SltdRecordEntity,
      { issuingCountry: row.issuingCountry, index: row.index, version: row.version },
      { publishedSequence: sequence },
    );
}

import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { SerialWriter } from '@bureaunet/persistence';
import { SentMessageRepository, type PublishedMark } from '../store/sent-message.repository';

/** Marks written by one transaction at most; the rest wait for the next. */
const MARKS_PER_TRANSACTION = 500;
/** How long a deferred mark waits for others to share its transaction. */
const DEFER_MS = 100;
/** Deferred marks held at most: beyond, they are written at once. */
const MAX_DEFERRED = 5_000;

interface Waiting {
  mark: PublishedMark;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The stream's confirmations of many publishes, recorded together: every mark that arrives while a
 * transaction writes them joins the next one, a single UPDATE for all (a mark alone cost a
 * transaction with its savepoint and its fsync per message). `record` settles after the COMMIT
 * that holds its mark. `defer` does not wait: a receipt answering a delivery is published one
 * arrival after another, and its mark (which only keeps the republisher from sending it again) is
 * written with the next ones, within DEFER_MS. `flush` writes whatever is waiting: the republisher
 * calls it before looking for what was never published. The queue holds at most one mark per
 * publish in flight, which the callers bound, plus MAX_DEFERRED.
 */
@Injectable()
export class PublishedMarks implements OnApplicationShutdown {
  private readonly logger = new Logger(PublishedMarks.name);
  private waiting: Waiting[] = [];
  private writing: Promise<void> | undefined;
  private deferred: NodeJS.Timeout | undefined;

  constructor(
    private readonly writer: SerialWriter,
    private readonly sent: SentMessageRepository,
  ) {}

  record(mark: PublishedMark): Promise<void> {
    const recorded = this.enqueue(mark);
    void this.flush();
    return recorded;
  }

  defer(mark: PublishedMark): void {
    this.enqueue(mark).catch((error: unknown) =>
      // Unmarked, the republisher sends it again: the stream or the gateway knows the second copy.
      this.logger.warn(`${mark.id} published, but not marked so (${String(error)}): it will be published again`),
    );
    if (this.waiting.length >= MAX_DEFERRED) void this.flush();
    else this.deferred ??= setTimeout(() => void this.flush(), DEFER_MS).unref();
  }

  /** Writes every mark waiting now; resolves once they are committed (or failed). */
  async flush(): Promise<void> {
    if (this.deferred) clearTimeout(this.deferred);
    this.deferred = undefined;
    // A write that is ending may have looked at the queue before the newest marks joined it.
    while (this.waiting.length > 0) {
      this.writing ??= this.write().finally(() => (this.writing = undefined));
      await this.writing;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  private enqueue(mark: PublishedMark): Promise<void> {
    return new Promise((resolve, reject) => this.waiting.push({ mark, resolve, reject }));
  }

  private async write(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MARKS_PER_TRANSACTION);
      try {
        await this.writer.transaction((manager) =>
          this.sent.markPublished(
            manager,
            batch.map((waiting) => waiting.mark),
          ),
        );
        batch.forEach((waiting) => waiting.resolve());
      } catch (error) {
        batch.forEach((waiting) => waiting.reject(error));
      }
    }
  }
}

import { Injectable } from '@nestjs/common';
import { SerialWriter } from '@bureaunet/persistence';
import { SentMessageRepository, type PublishedMark } from '../store/sent-message.repository';

/** Marks written by one transaction at most; the rest wait for the next. */
const MARKS_PER_TRANSACTION = 500;

interface Waiting {
  mark: PublishedMark;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The stream's confirmations of many publishes, recorded together: every mark that arrives while a
 * transaction writes them joins the next one, a single UPDATE for all (a mark alone cost a
 * transaction with its savepoint and its fsync per message). Each caller's promise settles after
 * the COMMIT that holds its mark. The queue holds at most one mark per publish in flight, which the
 * callers bound (HTTP requests, the consumer's handlers, a republish round's batch).
 */
@Injectable()
export class PublishedMarks {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(
    private readonly writer: SerialWriter,
    private readonly sent: SentMessageRepository,
  ) {}

  record(mark: PublishedMark): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ mark, resolve, reject });
      if (!this.writing) void this.write();
    });
  }

  private async write(): Promise<void> {
    this.writing = true;
    try {
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
    } finally {
      this.writing = false;
    }
  }
}

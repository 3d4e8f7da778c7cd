import { Inject, Injectable, Logger } from '@nestjs/common';
import { submitSubject } from '@bureaunet/contracts';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { BusClient, publishFailureOf, type PublishFailure } from '@bureaunet/transport';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import type { SentMessageEntity } from '../store/sent-message.entity';
import { PublishedMarks } from './published.marks';

export type PublishOutcome = { status: 'published' } | { status: PublishFailure; reason: string };

/**
 * Puts a stored envelope on this bureau's submission subject and records the first confirmed
 * publish. The msgId is the envelope id; a republish passes `<id>:<attempt>`, because the stream
 * silently drops a second msgId inside its duplicate window (the gateway dedupes by id and digest
 * anyway). A failure is returned, not thrown: the message is already durable and the republisher
 * sends it later.
 */
@Injectable()
export class OutboxPublisher {
  private readonly logger = new Logger(OutboxPublisher.name);

  constructor(
    private readonly bus: BusClient,
    private readonly marks: PublishedMarks,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Does not wait for a bus known to be down: right after a send the person gets the 201 (stored,
   * will be sent) at once, and a republish round (or a shutdown) does not wait out the retries.
   */
  publishIfUp(
    message: Pick<SentMessageEntity, 'id' | 'envelope' | 'publishedAt'>,
    msgId = message.id,
  ): Promise<PublishOutcome> {
    if (!this.bus.isUp)
      return Promise.resolve({ status: 'bus-unavailable', reason: 'the bus is down: left to the republisher' });
    return this.publish(message, msgId);
  }

  /** Writes the marks still deferred: before the republisher looks for what was never published. */
  settleMarks(): Promise<void> {
    return this.marks.flush();
  }

  /**
   * `mark: 'deferred'` does not wait for the first publish to be recorded (see PublishedMarks): for
   * a receipt, whose delivery is acked once it is stored and on the bus.
   */
  async publish(
    message: Pick<SentMessageEntity, 'id' | 'envelope' | 'publishedAt'>,
    msgId = message.id,
    mark: 'awaited' | 'deferred' = 'awaited',
  ): Promise<PublishOutcome> {
    try {
      await this.bus.publish(submitSubject(this.config.code), message.envelope, { msgId });
    } catch (error) {
      const status = publishFailureOf(error);
      const reason = error instanceof Error ? error.message : String(error);
      if (status === 'message-refused')
        this.logger.error(`envelope ${message.id} refused by the bus, will retry within bounds: ${reason}`);
      else this.logger.warn(`envelope ${message.id} not published yet, the bus is unavailable: ${reason}`);
      return { status, reason };
    }
    if (message.publishedAt === null) {
      const at = this.clock.now().toISOString();
      if (mark === 'deferred') {
        this.marks.defer({ id: message.id, at });
        return { status: 'published' };
      }
      try {
        await this.marks.record({ id: message.id, at });
      } catch (error) {
        // The envelope is stored and on the bus: a send must not answer as if it were not. Unmarked,
        // it is published again later, and the stream or the gateway knows the second copy.
        this.logger.warn(
          `envelope ${message.id} published, but not marked so (${error instanceof Error ? error.message : String(error)}): it will be published again`,
        );
      }
    }
    return { status: 'published' };
  }
}

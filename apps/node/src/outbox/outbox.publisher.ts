import { Inject, Injectable, Logger } from '@nestjs/common';
import { submitSubject } from '@bureaunet/contracts';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { BusClient } from '@bureaunet/transport';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import type { SentMessageEntity } from './sent-message.entity';
import { SentMessageRepository } from './sent-message.repository';

/**
 * Puts a stored envelope on this bureau's submission subject, with the envelope id as the
 * JetStream msgId, and records the first confirmed publish. A failure is logged, not thrown: the
 * message is already durable and the republisher sends it later.
 */
@Injectable()
export class OutboxPublisher {
  private readonly logger = new Logger(OutboxPublisher.name);

  constructor(
    private readonly bus: BusClient,
    private readonly writer: SerialWriter,
    private readonly sent: SentMessageRepository,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async publish(message: Pick<SentMessageEntity, 'id' | 'envelope' | 'publishedAt'>): Promise<boolean> {
    try {
      await this.bus.publish(submitSubject(this.config.code), message.envelope, { msgId: message.id });
    } catch (error) {
      this.logger.warn(`envelope ${message.id} not published yet, will retry: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
    if (message.publishedAt === null) {
      const at = this.clock.now().toISOString();
      await this.writer.transaction((manager) => this.sent.markPublished(manager, message.id, at));
    }
    return true;
  }
}

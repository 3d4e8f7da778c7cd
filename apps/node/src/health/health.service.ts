import { Inject, Injectable } from '@nestjs/common';
import { BUREAU_IDENTITY, identityExpiry, type BureauIdentity } from '@bureaunet/identity';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { DeadLetterService } from '../dead-letter/dead-letter.service';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import { SentMessageRepository } from '../store/sent-message.repository';
import type { HealthDto } from './health.dto';

@Injectable()
export class HealthService {
  constructor(
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    private readonly sent: SentMessageRepository,
    private readonly deadLetters: DeadLetterService,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // Serving HTTP at all means the identity, the database and the bus came up during bootstrap.
  async status(): Promise<HealthDto> {
    return {
      status: 'ok',
      code: this.config.code,
      outbox: await this.sent.outboxAlerts(),
      deadLetters: await this.deadLetters.countWaiting(),
      certificates: identityExpiry(this.identity, this.clock.now()),
    };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DeadLetterDesk, DeadLetterStore } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { InboxService } from '../inbox/inbox.service';
import { NODE_CONFIG, type NodeConfig } from '../node.config';

/**
 * This node's poison deliveries (DeadLetterDesk): parked by the delivery consumer, counted on the
 * health route, released through the inbox or dropped by an administrator.
 */
@Injectable()
export class DeadLetterService extends DeadLetterDesk {
  constructor(
    store: DeadLetterStore,
    inbox: InboxService,
    @Inject(NODE_CONFIG) config: NodeConfig,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(store, {
      name: 'DeadLetters',
      limit: config.deadLetterLimit,
      now: () => clock.now(),
      rerun: (letter) => inbox.receive(letter.raw, letter.msgId ?? undefined),
    });
  }
}

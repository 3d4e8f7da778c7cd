import { Inject, Injectable } from '@nestjs/common';
import { DeadLetterDesk, DeadLetterStore } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { ArrivalRouter } from '../arrival/arrival.router';
import { NODE_CONFIG, type NodeConfig } from '../node.config';

/**
 * This node's poison deliveries (DeadLetterDesk): parked by the delivery consumer, counted on the
 * health route, released through the arrival router or dropped by an administrator.
 */
@Injectable()
export class DeadLetterService extends DeadLetterDesk {
  constructor(
    store: DeadLetterStore,
    arrivals: ArrivalRouter,
    @Inject(NODE_CONFIG) config: NodeConfig,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(store, {
      name: 'DeadLetters',
      limit: config.deadLetterLimit,
      now: () => clock.now(),
      rerun: (letter) => arrivals.route(letter.raw, letter.msgId ?? undefined),
    });
  }
}

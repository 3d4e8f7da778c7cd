import type { JsMsg } from '@nats-io/jetstream';
import type { MsgHdrs } from '@nats-io/transport-node';
import { BaseRpcContext } from '@nestjs/microservices';

export const MSG_ID_HEADER = 'Nats-Msg-Id';

/** A message's place in its subject's lane: its turn comes after `after`; `end()` hands it on. */
export interface LaneTurn {
  readonly after: Promise<void>;
  end(): void;
}

const NO_LANE: LaneTurn = { after: Promise.resolve(), end: () => undefined };

/** The second argument of a JetStream @EventPattern handler (`@Ctx()`). */
export class JetStreamContext extends BaseRpcContext<[JsMsg]> {
  constructor(
    message: JsMsg,
    private readonly turn: LaneTurn = NO_LANE,
  ) {
    super([message]);
  }

  /**
   * Runs `work` once the messages before this one on its subject have run theirs (or settled), so
   * a pipelined consumer (`pipeline` > 1) keeps its effects in stream order while the work before
   * (parsing, verifying) overlaps. Without a lane, `work` runs at once.
   */
  async inTurn<T>(work: () => Promise<T>): Promise<T> {
    await this.turn.after;
    try {
      return await work();
    } finally {
      this.turn.end();
    }
  }

  get subject(): string {
    return this.args[0].subject;
  }

  get streamSequence(): number {
    return this.args[0].info.streamSequence;
  }

  /** 1 on the first delivery; a redelivery after a failure, a crash or an ack timeout counts up. */
  get deliveryCount(): number {
    return this.args[0].info.deliveryCount;
  }

  /** The publisher's dedupe id (the envelope id on the bureaunet streams). */
  get msgId(): string | undefined {
    return this.args[0].headers?.get(MSG_ID_HEADER) || undefined;
  }

  get headers(): MsgHdrs | undefined {
    return this.args[0].headers;
  }

  /** Restarts the ack-wait timer, for a handler that knows it will run longer than the ack wait. */
  working(): void {
    this.args[0].working();
  }
}

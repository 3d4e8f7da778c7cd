import { Logger } from '@nestjs/common';
import type {
  Consumer,
  ConsumerMessages,
  ConsumerNotification,
  JetStreamClient,
  JetStreamManager,
  JsMsg,
} from '@nats-io/jetstream';
import { describeError, stackOf } from './error-text';
import { JetStreamContext, type LaneTurn } from './jetstream.context';
import { bindProvisionedConsumer } from './jetstream.consumer-binding';
import { ensureDurableConsumer } from './jetstream.topology';
import { nakDelayMs } from './nak-backoff';

export interface JetStreamConsumerOptions {
  stream: string;
  durable: string;
  filterSubject: string;
  /**
   * The @EventPattern whose handler receives this consumer's messages; default `filterSubject`. Lets a
   * static `@EventPattern('bn.deliver.*')` serve a consumer filtered at run time on `bn.deliver.FR`.
   */
  pattern?: string;
  /**
   * Messages one pull may bring into the client (default 64): with the stream's largest message
   * (1 MiB) what can pile up here is bounded by this. By count, not by bytes: with a byte budget the
   * client asks its refill pulls for what is left of the budget, and a message larger than that
   * makes the server end the pull (409) and the client stall until two heartbeats are missed
   * (~30 s): a 72 KB broadcast after a burst of receipts waited 40 s at the gateway.
   */
  maxBufferedMessages?: number;
  /** Redelivery after this long without an ack. Default 30 s. */
  ackWaitMs?: number;
  /** Handlers running at once. Default 1: one after another, in stream order. */
  concurrency?: number;
  /**
   * With concurrency > 1: 'subject' keeps messages of one subject in stream order (one after
   * another) while different subjects run side by side — e.g. per sender on `bn.submit.*`.
   */
  orderBy?: 'subject';
  /**
   * With orderBy 'subject': messages of one subject in hand at once (default 1, one after another).
   * Above 1, message k+1 starts while k is still running and takes its turn through
   * `JetStreamContext.inTurn`: the handler puts there whatever must happen in stream order.
   */
  pipeline?: number;
  /** Server-side cap on delivered-but-unacked messages; default the server's (1000). */
  maxAckPending?: number;
  /**
   * The consumer is made and kept by the hub side: bind to it, never create or update it (the
   * settings above are then the hub's to choose). The first open waits up to `waitMs` for it to
   * exist with `filterSubject`; a reopen waits as long as it takes.
   */
  bindOnly?: { waitMs: number };
}

export interface ConsumerRunnerHooks {
  /** Ensures the streams exist again before a reopen (a server may have lost its store). */
  prepare(): Promise<void>;
  /** A closed connection never comes back: reopening would only spin. */
  connectionClosed(): boolean;
  /** Runs the handler; resolves when it succeeded, rejects when it failed. */
  dispatch(data: Buffer, context: JetStreamContext): Promise<void>;
  acked(context: JetStreamContext): void;
  nacked(context: JetStreamContext, error: unknown): void;
  /** Parking, when the server has a dead-letter hook: see DeadLetterPolicy. */
  deadLetter?: DeadLetterPolicy;
  parked?(context: JetStreamContext, error: unknown): void;
}

/** Stores a message that failed too often; resolves only once it is durable (then it is acked). */
export type DeadLetterHook = (data: Buffer, context: JetStreamContext, error: unknown) => Promise<void>;

export interface DeadLetterPolicy {
  store: DeadLetterHook;
  /** Failed deliveries (the last one included) before a message is parked. */
  afterAttempts: number;
}

interface InFlight {
  readonly message: JsMsg;
  readonly context: JetStreamContext;
  /** Given back at shutdown: a late result must neither ack nor nak it. */
  abandoned: boolean;
  /** The handler has settled (its ack may still be on its way). */
  finished: boolean;
  done?: Promise<void>;
}

/** One subject's messages in hand, oldest first, and the end of the last turn handed out. */
interface Lane {
  readonly inHand: Array<Promise<void>>;
  lastTurn: Promise<void>;
}

const DEFAULT_MAX_BUFFERED_MESSAGES = 64;
const DEFAULT_ACK_WAIT_MS = 30_000;
const REOPEN_DELAYS_MS = [0, 500, 1_000, 2_000, 5_000, 10_000];
/** The library keeps retrying these on its own; a fresh consumer (and stream) is what fixes them. */
const REOPEN_ON: ReadonlySet<ConsumerNotification['type']> = new Set([
  'consumer_not_found',
  'stream_not_found',
  'consumer_deleted',
]);

/** Keeps one durable pull consumer consuming until stopped, across iterator ends and lost consumers. */
export class JetStreamConsumerRunner {
  private readonly logger: Logger;
  private readonly inFlight = new Set<InFlight>();
  private messages: ConsumerMessages | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly options: JetStreamConsumerOptions,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly hooks: ConsumerRunnerHooks,
  ) {
    this.logger = new Logger(`JetStream(${options.durable})`);
  }

  /** Resolves once the consumer exists and is consuming; it then runs until stop(). */
  async start(): Promise<void> {
    const first = await this.open(this.options.bindOnly?.waitMs);
    void this.run(first);
  }

  /** Stops pulling, lets handlers finish within the grace period, and gives back what is still running. */
  async stop(graceMs: number): Promise<void> {
    this.stopped = true;
    this.messages?.stop();
    this.wake?.();
    await this.settleInFlight(graceMs);
  }

  private async run(first: ConsumerMessages): Promise<void> {
    let messages: ConsumerMessages | undefined = first;
    while (messages) {
      await this.consume(messages);
      messages = await this.reopen();
    }
  }

  /** `waitMs`: how long a bind-only consumer may take to appear (the first open waits, a reopen retries). */
  private async open(waitMs = 0): Promise<ConsumerMessages> {
    const consumer = await this.consumer(waitMs);
    const messages = await consumer.consume({
      max_messages: this.options.maxBufferedMessages ?? DEFAULT_MAX_BUFFERED_MESSAGES,
    });
    this.messages = messages;
    this.watch(messages);
    return messages;
  }

  private async consumer(waitMs: number): Promise<Consumer> {
    const { stream, durable, filterSubject, ackWaitMs, maxAckPending, bindOnly } = this.options;
    if (bindOnly)
      return bindProvisionedConsumer(
        this.js,
        { stream, durable, filterSubject },
        { waitMs, logger: this.logger, stopped: () => this.stopped },
      );
    await ensureDurableConsumer(this.jsm, {
      stream,
      durable,
      filterSubject,
      ackWaitMs: ackWaitMs ?? DEFAULT_ACK_WAIT_MS,
      maxAckPending,
    });
    return this.js.consumers.get(stream, durable);
  }

  private async reopen(): Promise<ConsumerMessages | undefined> {
    for (let attempt = 0; !this.stopped; attempt++) {
      await this.pause(REOPEN_DELAYS_MS[Math.min(attempt, REOPEN_DELAYS_MS.length - 1)] ?? 0);
      if (this.stopped) break;
      if (this.hooks.connectionClosed()) {
        this.logger.error(`the NATS connection is closed: ${this.options.filterSubject} is no longer consumed`);
        break;
      }
      try {
        await this.hooks.prepare();
        const messages = await this.open();
        this.logger.log(`consuming ${this.options.filterSubject} again`);
        if (this.stopped) messages.stop();
        return this.stopped ? undefined : messages;
      } catch (error) {
        this.logger.warn(`cannot reopen the consumer (attempt ${attempt + 1}): ${describeError(error)}`);
      }
    }
    return undefined;
  }

  private async consume(messages: ConsumerMessages): Promise<void> {
    const running = new Set<Promise<void>>();
    const lanes = new Map<string, Lane>();
    try {
      for await (const message of messages) {
        if (this.stopped) {
          // Pulled but never started: given back now rather than after the ack wait.
          giveBack(message, this.logger);
          continue;
        }
        const done = this.options.orderBy === 'subject' ? this.inLane(lanes, message) : this.process(message);
        running.add(done);
        void done.then(() => running.delete(done));
        if (running.size >= (this.options.concurrency ?? 1)) await Promise.race(running);
      }
      if (!this.stopped) this.logger.warn('the consume iterator ended; reopening');
    } catch (error) {
      if (!this.stopped) this.logger.warn(`the consume iterator failed, reopening: ${describeError(error)}`);
    }
  }

  private watch(messages: ConsumerMessages): void {
    void (async () => {
      for await (const notification of messages.status()) {
        if (REOPEN_ON.has(notification.type)) {
          this.logger.warn(`${notification.type}: recreating the consumer`);
          messages.stop();
          return;
        }
        if (notification.type === 'heartbeats_missed') this.logger.warn(`${notification.count} heartbeats missed`);
      }
    })().catch((error: unknown) => this.logger.warn(`status watch ended: ${describeError(error)}`));
  }

  /**
   * Starts once fewer than `pipeline` messages of the same subject are in hand (1: after the
   * previous one settled), and takes its turn after the previous one's, so each subject stays in order.
   */
  private inLane(lanes: Map<string, Lane>, message: JsMsg): Promise<void> {
    const depth = Math.max(1, this.options.pipeline ?? 1);
    let lane = lanes.get(message.subject);
    if (!lane) {
      lane = { inHand: [], lastTurn: Promise.resolve() };
      lanes.set(message.subject, lane);
    }
    const room = lane.inHand.length >= depth ? lane.inHand[lane.inHand.length - depth] : undefined;
    let end!: () => void;
    const turn: LaneTurn = { after: lane.lastTurn, end: () => end() };
    lane.lastTurn = new Promise<void>((resolve) => (end = resolve));
    const start = (): Promise<void> =>
      this.stopped ? Promise.resolve(giveBack(message, this.logger)) : this.process(message, turn);
    // A handler that never takes its turn (or fails before) hands it on when it settles.
    const done = (room ? room.then(start) : start()).finally(() => end());
    const owner = lane;
    owner.inHand.push(done);
    void done.then(() => {
      void owner.inHand.splice(owner.inHand.indexOf(done), 1);
      if (owner.inHand.length === 0 && lanes.get(message.subject) === owner) lanes.delete(message.subject);
    });
    return done;
  }

  /** Resolves when the handler has settled, which frees its slot; the ack is confirmed meanwhile. */
  private process(message: JsMsg, turn?: LaneTurn): Promise<void> {
    const context = new JetStreamContext(message, turn);
    const entry: InFlight = { message, context, abandoned: false, finished: false };
    this.inFlight.add(entry);
    const outcome = this.runHandler(entry);
    entry.done = outcome.then((failure) => this.conclude(entry, failure)).finally(() => this.inFlight.delete(entry));
    return outcome.then(() => undefined);
  }

  private async runHandler(entry: InFlight): Promise<{ error: unknown } | undefined> {
    try {
      await this.hooks.dispatch(Buffer.from(entry.message.data), entry.context);
      return undefined;
    } catch (error) {
      return { error };
    }
  }

  private async conclude(entry: InFlight, failure: { error: unknown } | undefined): Promise<void> {
    entry.finished = true;
    if (entry.abandoned) return;
    if (!failure) return this.ack(entry);
    const policy = this.hooks.deadLetter;
    if (policy && entry.context.deliveryCount >= policy.afterAttempts) return this.park(entry, failure.error, policy);
    this.nak(entry, failure.error);
  }

  /**
   * A message that keeps failing leaves the consumer (it would otherwise hold an ack-pending slot
   * for ever, and enough of them stop the consumer): acked only once the hook has stored it
   * durably; a hook that fails (store full, database down) naks it, so nothing is lost.
   */
  private async park(entry: InFlight, error: unknown, policy: DeadLetterPolicy): Promise<void> {
    try {
      await policy.store(Buffer.from(entry.message.data), entry.context, error);
    } catch (parkError) {
      this.logger.error(
        `cannot park ${label(entry.context)} after ${entry.context.deliveryCount} failures, keeping it: ${describeError(parkError)}`,
        stackOf(parkError),
      );
      this.nak(entry, error);
      return;
    }
    this.logger.error(
      `parked ${label(entry.context)} as a dead letter after ${entry.context.deliveryCount} failures: ${describeError(error)}`,
    );
    this.hooks.parked?.(entry.context, error);
    await this.ack(entry);
  }

  private async ack({ message, context }: InFlight): Promise<void> {
    try {
      await message.ackAck();
      this.hooks.acked(context);
    } catch (error) {
      // The handler's effect is committed; the copy that comes again is recognised by its msgId.
      this.logger.warn(`ack of ${label(context)} not confirmed, it may be redelivered: ${describeError(error)}`);
    }
  }

  private nak({ message, context }: InFlight, error: unknown): void {
    const delayMs = nakDelayMs(context.deliveryCount);
    this.logger.error(
      `handler failed on ${label(context)}, redelivery in ${delayMs} ms: ${describeError(error)}`,
      stackOf(error),
    );
    message.nak(delayMs);
    this.hooks.nacked(context, error);
  }

  private async settleInFlight(graceMs: number): Promise<void> {
    if (this.inFlight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    const running = [...this.inFlight].flatMap((entry) => (entry.done ? [entry.done] : []));
    await Promise.race([Promise.all(running), grace]);
    clearTimeout(timer);
    for (const entry of this.inFlight) {
      if (entry.finished) continue;
      // Given back now so another instance need not wait for the ack wait; a late result is ignored.
      entry.abandoned = true;
      this.logger.warn(`shutting down with ${label(entry.context)} unfinished: giving it back for redelivery`);
      giveBack(entry.message, this.logger);
    }
  }

  private pause(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

/** A closed connection cannot nak: the ack wait then brings the message back. */
function giveBack(message: JsMsg, logger: Logger): void {
  try {
    message.nak();
  } catch (error) {
    logger.warn(
      `cannot give back ${message.subject} #${message.seq}, it returns after the ack wait: ${describeError(error)}`,
    );
  }
}

function label(context: JetStreamContext): string {
  const id = context.msgId ? ` msgId=${context.msgId}` : '';
  return `${context.subject} #${context.streamSequence}${id} (delivery ${context.deliveryCount})`;
}

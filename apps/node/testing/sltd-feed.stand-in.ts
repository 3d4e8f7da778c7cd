import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type ConsumerConfig,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import {
  SLTD_ENTRY_SUBJECT_WILDCARD,
  SLTD_STREAM,
  sltdConsumerName,
  sltdEntrySubject,
  sltdResyncRequestSchema,
  sltdResyncSubject,
  type SltdChange,
} from '@bureaunet/contracts';

/**
 * Stands in for the hub's databases service, only for what a node's replica sees of it: the
 * stream BN_SLTD (one message kept per entry subject), a durable consumer per bureau, and the
 * answer to a resync request (the consumer made again, starting after the sequence asked for).
 */
export class SltdFeedStandIn {
  /** Every resync request heard, in order: {code, afterSequence}. */
  readonly resyncs: Array<{ code: string; afterSequence: number }> = [];
  /** While false, resync requests go unanswered (the hub's databases service is away). */
  answering = true;
  private readonly subscriptions: Subscription[] = [];

  private constructor(
    private readonly connection: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly js: JetStreamClient,
  ) {}

  static async start(connection: NatsConnection): Promise<SltdFeedStandIn> {
    // No $JS.API.INFO check: the hub's node user may not call it.
    const jsm = await jetstreamManager(connection, { checkAPI: false });
    await jsm.streams.add({ name: SLTD_STREAM, subjects: [SLTD_ENTRY_SUBJECT_WILDCARD], max_msgs_per_subject: 1 });
    return new SltdFeedStandIn(connection, jsm, jetstream(connection));
  }

  /** The bureau's consumer, from the start of the stream ('all') or only what comes next ('new'). */
  async addConsumer(code: string, from: 'all' | 'new' = 'all'): Promise<void> {
    await this.jsm.consumers.add(SLTD_STREAM, {
      ...consumerConfig(code),
      deliver_policy: from === 'all' ? DeliverPolicy.All : DeliverPolicy.New,
    });
  }

  /** Answers resync requests of these bureaus as the databases service does. */
  async serveResync(codes: string[]): Promise<void> {
    for (const code of codes) {
      this.subscriptions.push(
        this.connection.subscribe(sltdResyncSubject(code), {
          callback: (error, msg) => {
            if (error || !this.answering) return;
            const request = sltdResyncRequestSchema.parse(msg.json());
            this.resyncs.push({ code, afterSequence: request.afterSequence });
            void this.placeAfter(code, request.afterSequence).then(
              () => msg.respond(JSON.stringify({ ok: true, data: {} })),
              (placeError: unknown) =>
                msg.respond(JSON.stringify({ ok: false, error: { code: 'internal', reason: String(placeError) } })),
            );
          },
        }),
      );
    }
    await this.connection.flush();
  }

  /** Publishes a change on its entry's subject; returns its stream sequence. */
  async publish(change: SltdChange): Promise<number> {
    const ack = await this.js.publish(sltdEntrySubject(change.issuingCountry, change.index), JSON.stringify(change), {
      msgID: `${change.issuingCountry}.${change.index}.${change.version}`,
    });
    return ack.seq;
  }

  /** Publishes any bytes on an entry subject (a faulty publisher). */
  async publishRaw(subject: string, data: string): Promise<number> {
    return (await this.js.publish(subject, data)).seq;
  }

  async pending(code: string): Promise<number> {
    return (await this.jsm.consumers.info(SLTD_STREAM, sltdConsumerName(code))).num_pending;
  }

  stop(): void {
    this.subscriptions.forEach((subscription) => subscription.unsubscribe());
  }

  private async placeAfter(code: string, afterSequence: number): Promise<void> {
    await this.jsm.consumers.delete(SLTD_STREAM, sltdConsumerName(code)).catch(() => undefined);
    await this.jsm.consumers.add(SLTD_STREAM, {
      ...consumerConfig(code),
      ...(afterSequence === 0
        ? { deliver_policy: DeliverPolicy.All }
        : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: afterSequence + 1 }),
    });
  }
}

function consumerConfig(code: string): Partial<ConsumerConfig> {
  return {
    durable_name: sltdConsumerName(code),
    filter_subject: SLTD_ENTRY_SUBJECT_WILDCARD,
    ack_policy: AckPolicy.Explicit,
  };
}

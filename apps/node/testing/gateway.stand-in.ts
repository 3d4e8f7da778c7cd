import { jetstreamManager, type ConsumerMessages, type JetStreamClient, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  DELIVERIES_STREAM,
  deliverSubject,
  deliveryConsumerName,
  SUBMISSIONS_STREAM,
  SUBMIT_SUBJECT_WILDCARD,
  type DeliveryReport,
  type EnvelopePayload,
} from '@bureaunet/contracts';
import { parseEnvelope, signDeliveryReport, type EnvelopeSigner } from '@bureaunet/crypto';
import { ensureDurableConsumer, ensureStreams } from '@bureaunet/transport';

export interface GatewayStandInOptions {
  signer: EnvelopeSigner;
  /** Who "all" reaches. */
  broadcastCodes: () => string[];
  /** Envelopes for which this returns true reach their recipients altered in transit. */
  tamper?: (payload: EnvelopePayload) => boolean;
  /** Bureaus whose delivery consumers it makes, as the gateway does (a node only binds to its own). */
  bureaus: readonly string[];
}

/**
 * Stands in for the gateway, only for what a node consumes from it: every submission goes out
 * unchanged to each addressee's delivery subject, and a report signed with the XG key goes back.
 * No policy, no ledger.
 */
export class GatewayStandIn {
  private constructor(
    private readonly messages: ConsumerMessages,
    private readonly js: JetStreamClient,
    private readonly options: GatewayStandInOptions,
  ) {}

  static async start(connection: NatsConnection, options: GatewayStandInOptions): Promise<GatewayStandIn> {
    const jsm = await jetstreamManager(connection);
    await ensureStreams(jsm);
    await ensureDurableConsumer(jsm, {
      stream: SUBMISSIONS_STREAM,
      durable: 'gateway-stand-in',
      filterSubject: SUBMIT_SUBJECT_WILDCARD,
      ackWaitMs: 30_000,
    });
    for (const code of options.bureaus) {
      await ensureDurableConsumer(jsm, {
        stream: DELIVERIES_STREAM,
        durable: deliveryConsumerName(code),
        filterSubject: deliverSubject(code),
        ackWaitMs: 30_000,
      });
    }
    const consumer = await jsm.jetstream().consumers.get(SUBMISSIONS_STREAM, 'gateway-stand-in');
    const gateway = new GatewayStandIn(await consumer.consume(), jsm.jetstream(), options);
    void gateway.run();
    return gateway;
  }

  stop(): void {
    this.messages.stop();
  }

  private async run(): Promise<void> {
    for await (const message of this.messages) {
      try {
        await this.route(message);
        message.ack();
      } catch (error) {
        process.stderr.write(`gateway stand-in: ${String(error)}\n`);
        message.nak(500);
      }
    }
  }

  private async route(message: JsMsg): Promise<void> {
    const from = message.subject.slice(SUBMIT_SUBJECT_WILDCARD.length - 1);
    const { payload, digest } = parseEnvelope(message.data);
    const recipients =
      payload.to === 'all' ? this.options.broadcastCodes().filter((code) => code !== from) : payload.to;
    const bytes = this.options.tamper?.(payload) ? tampered(message.data) : message.data;
    for (const code of recipients) {
      await this.js.publish(deliverSubject(code), bytes, { msgID: `${payload.id}:${code}` });
    }
    const report: DeliveryReport = {
      v: 1,
      kind: 'delivery-report',
      envelopeId: payload.id,
      envelopeDigest: digest,
      to: from,
      createdAt: new Date().toISOString(),
      status: 'accepted',
      recipients: recipients.map((code) => ({ code, status: 'delivered' as const })),
    };
    await this.js.publish(deliverSubject(from), await signDeliveryReport(report, this.options.signer), {
      msgID: `${payload.id}:report`,
    });
  }
}

/** The same envelope with one signed field changed and the original signature kept. */
function tampered(raw: Uint8Array): Uint8Array {
  const jws = JSON.parse(Buffer.from(raw).toString('utf8')) as {
    protected: string;
    payload: string;
    signature: string;
  };
  const payload = JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8')) as EnvelopePayload;
  payload.meta = { ...payload.meta, priority: 'immediate' };
  return Buffer.from(JSON.stringify({ ...jws, payload: Buffer.from(JSON.stringify(payload)).toString('base64url') }));
}

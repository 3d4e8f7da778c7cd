import { connect, type NatsConnection, type Subscription } from '@nats-io/transport-node';

export interface SeenOnSubject {
  subject: string;
  /** The JWS payload, decoded: an envelope's or a delivery report's. */
  payload: Record<string, unknown>;
  raw: string;
}

/**
 * Every message published on the delivery subjects, as a core NATS subscriber sees it (the
 * broker passes each publish to core subscribers even when JetStream drops it as a duplicate).
 */
export class DeliveryWatch {
  readonly seen: SeenOnSubject[] = [];

  private constructor(
    private readonly nc: NatsConnection,
    private readonly subscription: Subscription,
  ) {}

  static async start(natsUrl: string, subject = 'bn.deliver.*'): Promise<DeliveryWatch> {
    const nc = await connect({ servers: natsUrl });
    const watch = new DeliveryWatch(nc, nc.subscribe(subject));
    void watch.collect();
    await nc.flush();
    return watch;
  }

  /** Reports the gateway sent to `code` on envelope `envelopeId`. */
  reports(code: string, envelopeId?: string): SeenOnSubject[] {
    return this.seen.filter(
      (item) =>
        item.subject === `bn.deliver.${code}` &&
        item.payload['kind'] === 'delivery-report' &&
        (envelopeId === undefined || item.payload['envelopeId'] === envelopeId),
    );
  }

  /** Envelopes (not reports) delivered to `code` that match `filter`. */
  deliveries(code: string, filter: (payload: Record<string, unknown>) => boolean = () => true): SeenOnSubject[] {
    return this.seen.filter(
      (item) =>
        item.subject === `bn.deliver.${code}` && item.payload['kind'] !== 'delivery-report' && filter(item.payload),
    );
  }

  async stop(): Promise<void> {
    this.subscription.unsubscribe();
    await this.nc.close();
  }

  private async collect(): Promise<void> {
    for await (const message of this.subscription) {
      const raw = message.string();
      const jws = JSON.parse(raw) as { payload: string };
      this.seen.push({
        subject: message.subject,
        raw,
        payload: JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8')) as Record<string, unknown>,
      });
    }
  }
}

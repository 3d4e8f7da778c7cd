import { createPrivateKey, createPublicKey, randomUUID, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { ENVELOPE_TYP, submitSubject, type EnvelopePayload } from '@bureaunet/contracts';
import { certificateKid, sealEnvelope, type SealInput } from '@bureaunet/crypto';
import { FlattenedSign } from 'jose';

/** What a bureau's credentials allow a dishonest operator to do, by hand. */
export interface RogueBureau {
  code: string;
  /** Seals an envelope honestly (encrypted for the named bureaus' current keys) and signs it. */
  seal(payload: Omit<SealInput['payload'], 'from' | 'createdAt' | 'expiresAt'> & Partial<Pick<EnvelopePayload, 'createdAt' | 'expiresAt'>>, body?: unknown): Promise<string>;
  /** Signs any payload with the bureau's real key, bypassing the sealer's checks. */
  sign(payload: unknown): Promise<string>;
  /** Publishes raw bytes on a submission subject (its own unless told), as JetStream message id `msgId`. */
  submit(raw: string | Uint8Array, options?: { subject?: string; msgId?: string }): Promise<void>;
  close(): Promise<void>;
}

/** Reads a node's keys from its data folder in a test network (IdentityStore's files). */
export async function rogueBureau(options: { dataDir: string; code: string; natsUrl: string }): Promise<RogueBureau> {
  const folder = join(options.dataDir, `node-${options.code}`);
  const key = createPrivateKey(readFileSync(join(folder, 'signing.key.pem'), 'utf8'));
  const kid = certificateKid(new X509Certificate(readFileSync(join(folder, 'signing.crt.pem'), 'utf8')));
  const nc = await connect({ servers: options.natsUrl });
  const js = jetstream(nc);
  const encryptionKey = (code: string): { code: string; kid: string; key: KeyObject } => {
    const certificate = new X509Certificate(readFileSync(join(options.dataDir, `node-${code}`, 'encryption.crt.pem'), 'utf8'));
    return { code, kid: certificateKid(certificate), key: createPublicKey(certificate.publicKey.export({ type: 'spki', format: 'pem' })) };
  };
  return {
    code: options.code,
    async seal(payload, body) {
      const createdAt = payload.createdAt ?? new Date().toISOString();
      const expiresAt = payload.expiresAt ?? new Date(Date.parse(createdAt) + 3_600_000).toISOString();
      const recipients = body === undefined || payload.to === 'all' ? [] : payload.to.map(encryptionKey);
      const sealed = await sealEnvelope({ payload: { ...payload, from: options.code, createdAt, expiresAt }, body, recipients, signer: { kid, key } });
      return sealed.serialized;
    },
    async sign(payload) {
      const signed = await new FlattenedSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', kid, typ: ENVELOPE_TYP }).sign(key);
      return JSON.stringify({ protected: signed.protected, payload: signed.payload, signature: signed.signature });
    },
    async submit(raw, submitOptions = {}) {
      await js.publish(submitOptions.subject ?? submitSubject(options.code), raw, { msgID: submitOptions.msgId ?? randomUUID() });
    },
    close: () => nc.close(),
  };
}

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
    return this.seen.filter((item) => item.subject === `bn.deliver.${code}` && item.payload['kind'] === 'delivery-report' && (envelopeId === undefined || item.payload['envelopeId'] === envelopeId));
  }

  /** Envelopes (not reports) delivered to `code` that match `filter`. */
  deliveries(code: string, filter: (payload: Record<string, unknown>) => boolean = () => true): SeenOnSubject[] {
    return this.seen.filter((item) => item.subject === `bn.deliver.${code}` && item.payload['kind'] !== 'delivery-report' && filter(item.payload));
  }

  async stop(): Promise<void> {
    this.subscription.unsubscribe();
    await this.nc.close();
  }

  private async collect(): Promise<void> {
    for await (const message of this.subscription) {
      const raw = message.string();
      const jws = JSON.parse(raw) as { payload: string };
      this.seen.push({ subject: message.subject, raw, payload: JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8')) as Record<string, unknown> });
    }
  }
}

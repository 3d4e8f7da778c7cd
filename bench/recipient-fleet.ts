import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID, type KeyObject } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { jetstream, type ConsumerMessages, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  DELIVERIES_STREAM,
  ENROL_SUBJECT,
  deliverSubject,
  deliveryConsumerName,
  submitSubject,
  type EnrolResponse,
} from '@bureaunet/contracts';
import {
  CryptoError,
  decryptEnvelopeContent,
  deliveryReportKid,
  parseEnvelope,
  sealEnvelope,
  verifyEnvelopeSignature,
} from '@bureaunet/crypto';
import { loadOrEnrolIdentity, type BureauIdentity } from '@bureaunet/identity';
import { BusClient, bindProvisionedConsumer } from '@bureaunet/transport';
import { issueEnrolmentToken, type TestNetwork } from '@bureaunet/testing';

/** When one bureau of the fleet had an envelope, and how big it was. */
export interface FleetArrival {
  code: string;
  envelopeId: string;
  /** performance.now() once verified and decrypted, before the receipt. */
  at: number;
  bytes: number;
}

/** How long a fleet bureau waits for the gateway to provision its delivery consumer. */
const CONSUMER_WAIT_MS = 60_000;
/** Envelopes a fleet bureau pulls at once (a node's consumer does the same, bounded). */
const PULL_BATCH = 16;
const RECEIPT_TTL_MS = 3_600_000;

/**
 * One recipient bureau run inside the benchmark process instead of a node: enrolled through the
 * registry with its own keys, bound to its own delivery consumer with its own broker user, and on
 * each envelope doing a node's crypto — verify the sender's signature, decrypt its own entry, sign
 * a receipt (kind 'receipt', meta.receiptFor id and digest, as apps/node's ReceiptIssuer) and
 * publish it on its own submission subject. It does not store anything: no SQLite commit.
 */
export class FleetBureau {
  private messages?: ConsumerMessages;

  private constructor(
    readonly identity: BureauIdentity,
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
  ) {}

  static async enrol(network: TestNetwork, code: string, dataDir: string): Promise<FleetBureau> {
    const broker = network.brokerCredentials?.get(`node-${code}`);
    const nc = await connect({
      servers: network.nats.url,
      ...(broker ? { user: broker.user, pass: broker.password, inboxPrefix: broker.inboxPrefix } : {}),
    });
    try {
      const bus = new BusClient(nc);
      mkdirSync(dataDir, { recursive: true });
      const identity = await loadOrEnrolIdentity({
        code,
        dataDir,
        enrolmentToken: await issueEnrolmentToken(network.registry.url, network.adminToken, code, network.ca),
        enrol: (request) => bus.request<EnrolResponse>(ENROL_SUBJECT, request, { timeoutMs: 30_000 }),
      });
      rmSync(dataDir, { recursive: true, force: true }); // the keys live on in memory; nothing to keep
      return new FleetBureau(identity, nc, jetstream(nc));
    } catch (error) {
      await nc.close();
      throw error;
    }
  }

  /** Binds to the consumer the gateway made for this bureau and handles every delivery until stop(). */
  async start(senderKey: () => KeyObject, onArrival: (arrival: FleetArrival) => void, onError: (error: Error) => void) {
    const code = this.identity.code;
    const consumer = await bindProvisionedConsumer(
      this.js,
      { stream: DELIVERIES_STREAM, durable: deliveryConsumerName(code), filterSubject: deliverSubject(code) },
      { waitMs: CONSUMER_WAIT_MS, logger: new Logger(`fleet ${code}`), stopped: () => false },
    );
    this.messages = await consumer.consume({ max_messages: PULL_BATCH });
    void (async () => {
      for await (const message of this.messages!) {
        try {
          await this.handle(message.data, senderKey(), onArrival);
          message.ack();
        } catch (error) {
          message.term();
          onError(error instanceof Error ? error : new Error(String(error)));
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.messages?.stop();
    await this.nc.close();
  }

  private async handle(data: Uint8Array, senderKey: KeyObject, onArrival: (arrival: FleetArrival) => void) {
    let parsed;
    try {
      parsed = parseEnvelope(data);
    } catch (error) {
      // The gateway's report on one of our receipts: a node checks it; the fleet only acks it.
      if (error instanceof CryptoError && isDeliveryReport(data)) return;
      throw error;
    }
    const code = this.identity.code;
    await verifyEnvelopeSignature(parsed, senderKey);
    await decryptEnvelopeContent(parsed, {
      code,
      kid: this.identity.encryption.kid,
      privateKey: this.identity.encryption.privateKey,
    });
    onArrival({ code, envelopeId: parsed.payload.id, at: performance.now(), bytes: data.byteLength });
    const now = new Date();
    const receipt = await sealEnvelope({
      payload: {
        id: randomUUID(),
        kind: 'receipt',
        from: code,
        to: [parsed.payload.from],
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + RECEIPT_TTL_MS).toISOString(),
        meta: { receiptFor: { id: parsed.payload.id, digest: parsed.digest } },
      },
      body: undefined,
      recipients: [],
      signer: { kid: this.identity.signing.kid, key: this.identity.signing.privateKey },
    });
    await this.js.publish(submitSubject(code), sealed(receipt.serialized), { msgID: receipt.payload.id });
  }
}

const sealed = (serialized: string): Uint8Array => Buffer.from(serialized, 'utf8');

function isDeliveryReport(data: Uint8Array): boolean {
  try {
    deliveryReportKid(data);
    return true;
  } catch {
    return false;
  }
}

/** Where the fleet's bureaus keep their identity while they enrol. */
export const fleetDataDir = (network: TestNetwork, code: string): string => join(network.dataDir, `fleet-${code}`);

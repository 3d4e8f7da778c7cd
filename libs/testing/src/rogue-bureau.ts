import { generateKeyPair, randomUUID, X509Certificate, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { FlattenedSign, GeneralEncrypt } from 'jose';
import {
  ENVELOPE_TYP,
  PROTOCOL_VERSION,
  submitSubject,
  type EnvelopeMeta,
  type MessageKind,
  type RecipientScope,
} from '@bureaunet/contracts';
import {
  certificateKid,
  envelopeDigest,
  JWE_CONTENT_ENCRYPTION_ALGORITHM,
  JWE_KEY_MANAGEMENT_ALGORITHM,
  sealEnvelope,
  type EnvelopeRecipientKey,
  type SealedEnvelope,
} from '@bureaunet/crypto';
import { IdentityStore } from '@bureaunet/identity';
import type { TestNetwork } from './test-network';

export interface RogueEnvelope {
  id?: string;
  kind?: MessageKind;
  to: RecipientScope;
  /** Who the envelope claims to come from; the rogue's own code unless it lies. */
  from?: string;
  meta?: EnvelopeMeta;
  body?: unknown;
  createdAt?: Date;
  expiresAt?: Date;
  /** Addressees whose JWE entry is sealed to a decoy key instead of theirs: they cannot read it. */
  decoyFor?: readonly string[];
}

export interface TrailEntry {
  type: string;
  envelopeId: string | null;
  code?: string;
  to?: string;
  [field: string]: unknown;
}

/**
 * A bureau with valid credentials used against the others: it signs with the real keys of an
 * enrolled node (read from that node's data folder) whatever it likes, and puts it straight on the
 * bus, past its own node's checks. What the gateway made of it is read from the ledger.
 */
export class RogueBureau {
  private constructor(
    readonly code: string,
    private readonly network: TestNetwork,
    private readonly signer: { kid: string; key: KeyObject },
    private readonly nats: NatsConnection,
    private readonly js: JetStreamClient,
  ) {}

  static async posingWith(network: TestNetwork, code: string): Promise<RogueBureau> {
    const store = new IdentityStore(join(network.dataDir, `node-${code}`));
    const keys = store.loadKeys();
    const certificates = store.loadCertificates();
    if (!keys || !certificates) throw new Error(`node ${code} has no identity in ${network.dataDir}`);
    // With broker isolation, the bureau's own broker user: all a rogue bureau has.
    const broker = network.brokerCredentials?.get(`node-${code}`);
    const nats = await connect({
      servers: network.nats.url,
      ...(broker ? { user: broker.user, pass: broker.password, inboxPrefix: broker.inboxPrefix } : {}),
    });
    return new RogueBureau(
      code,
      network,
      { kid: certificateKid(certificates.signing), key: keys.signing.privateKey },
      nats,
      jetstream(nats),
    );
  }

  async seal(envelope: RogueEnvelope): Promise<SealedEnvelope> {
    const now = envelope.createdAt ?? new Date();
    const to = envelope.to;
    const addressees = to === 'all' ? [] : to;
    const kind = envelope.kind ?? 'message';
    return sealEnvelope({
      payload: {
        id: envelope.id ?? randomUUID(),
        kind,
        from: envelope.from ?? this.code,
        to,
        createdAt: now.toISOString(),
        expiresAt: (envelope.expiresAt ?? new Date(now.getTime() + 3_600_000)).toISOString(),
        meta: envelope.meta ?? {},
      },
      body: kind === 'receipt' ? undefined : (envelope.body ?? { text: 'from a rogue bureau' }),
      recipients:
        kind === 'receipt'
          ? []
          : await Promise.all(
              addressees.map((code) => (envelope.decoyFor?.includes(code) ? decoyKey(code) : this.recipientKey(code))),
            ),
      signer: this.signer,
    });
  }

  /**
   * Seals as the node would (a JWE entry per addressee bound by bn_id/bn_from, signed) but around
   * the exact plaintext given — e.g. a body nested 10,000 levels deep that no JSON.stringify, and
   * so no node, could produce.
   */
  async forge(
    envelope: Omit<RogueEnvelope, 'body' | 'decoyFor' | 'to'> & { to: readonly string[]; plaintext: string },
  ): Promise<SealedEnvelope> {
    const id = envelope.id ?? randomUUID();
    const createdAt = envelope.createdAt ?? new Date();
    const encrypter = new GeneralEncrypt(new TextEncoder().encode(envelope.plaintext)).setProtectedHeader({
      enc: JWE_CONTENT_ENCRYPTION_ALGORITHM,
      bn_id: id,
      bn_from: this.code,
    });
    for (const code of envelope.to) {
      const recipient = await this.recipientKey(code);
      encrypter
        .addRecipient(recipient.key)
        .setUnprotectedHeader({ alg: JWE_KEY_MANAGEMENT_ALGORITHM, kid: recipient.kid, bn_to: code });
    }
    const payload = {
      v: PROTOCOL_VERSION,
      id,
      kind: envelope.kind ?? 'message',
      from: envelope.from ?? this.code,
      to: [...envelope.to],
      createdAt: createdAt.toISOString(),
      expiresAt: (envelope.expiresAt ?? new Date(createdAt.getTime() + 3_600_000)).toISOString(),
      meta: envelope.meta ?? {},
      content: await encrypter.encrypt(),
    };
    const serialized = await this.sign(payload);
    const jws = JSON.parse(serialized) as SealedEnvelope['jws'];
    return { jws, serialized, digest: envelopeDigest(jws), payload: payload as SealedEnvelope['payload'] };
  }

  /** Signs any payload with the bureau's real key, past the sealer's checks: a JWS as the bureau's node would make, but of anything. */
  async sign(payload: unknown): Promise<string> {
    const signed = await new FlattenedSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'EdDSA', kid: this.signer.kid, typ: ENVELOPE_TYP })
      .sign(this.signer.key);
    return JSON.stringify({ protected: signed.protected, payload: signed.payload, signature: signed.signature });
  }

  /** Publishes raw bytes on a submission subject (its own unless told), as its node would. */
  async submit(raw: string | Uint8Array, options: { subject?: string; msgId?: string } = {}): Promise<void> {
    await this.js.publish(
      options.subject ?? submitSubject(this.code),
      raw,
      options.msgId ? { msgID: options.msgId } : undefined,
    );
  }

  /** The ledger entries that name an envelope id (the gateway's trail), or [] while there are none. */
  async trail(envelopeId: string): Promise<TrailEntry[]> {
    const response = await fetch(`${this.network.gateway.url}/api/trail/${encodeURIComponent(envelopeId)}`, {
      headers: { authorization: `Bearer ${this.network.gatewayTokens.auditor}` },
    });
    if (response.status === 404) return [];
    if (!response.ok) throw new Error(`trail of ${envelopeId}: HTTP ${response.status} ${await response.text()}`);
    return ((await response.json()) as { entries: Array<{ entry: TrailEntry }> }).entries.map((item) => item.entry);
  }

  async close(): Promise<void> {
    await this.nats.close();
  }

  private async recipientKey(code: string): Promise<EnvelopeRecipientKey> {
    const response = await fetch(`${this.network.registry.url}/api/directory/${code}`);
    if (!response.ok) throw new Error(`directory entry of ${code}: HTTP ${response.status}`);
    const { encryptionCertificate } = (await response.json()) as { encryptionCertificate: string };
    const certificate = new X509Certificate(encryptionCertificate);
    return { code, kid: certificateKid(certificate), key: certificate.publicKey };
  }
}

async function decoyKey(code: string): Promise<EnvelopeRecipientKey> {
  const { publicKey } = await promisify(generateKeyPair)('x25519');
  return { code, kid: `decoy-${randomUUID()}`, key: publicKey };
}

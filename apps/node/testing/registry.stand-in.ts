import { createPublicKey, type KeyObject } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import {
  DIRECTORY_GET_SUBJECT,
  DIRECTORY_LIST_SUBJECT,
  ENROL_SUBJECT,
  enrolRequestSchema,
  type BureauRole,
  type DirectoryEntry,
  type EnrolResponse,
  type SignedDirectory,
  type WireReply,
} from '@bureaunet/contracts';
import { createTestCa, issueTestCertificate, type TestCa } from '../../../libs/crypto/src/testing/test-pki.fixture';
import {
  createTestDirectorySigner,
  type TestDirectorySigner,
} from '../../../libs/evidence/src/testing/directory-signer.fixture';

/**
 * Stands in for the registry, only for what a node asks of it over NATS: enrolment (real
 * certificates from a test CA) and directory look-ups, signed by an XR certificate of that CA as
 * the registry signs them. No admin API, no change events.
 */
export class RegistryStandIn {
  private readonly entries = new Map<string, DirectoryEntry>();
  private readonly subscriptions: Subscription[] = [];
  /** When the directory answers are signed and how long they are in force: a test dates them to make them expire. */
  directoryDating: { issuedAt: () => Date; ttlMs: number } = { issuedAt: () => new Date(), ttlMs: 86_400_000 };

  private constructor(
    readonly ca: TestCa,
    private readonly signer: TestDirectorySigner,
    private readonly connection: NatsConnection,
  ) {}

  static async start(connection: NatsConnection): Promise<RegistryStandIn> {
    const ca = await createTestCa();
    const registry = new RegistryStandIn(ca, await createTestDirectorySigner(ca), connection);
    registry.serve(ENROL_SUBJECT, (body) => registry.enrol(body));
    registry.serve(DIRECTORY_GET_SUBJECT, (body) => registry.get(body));
    registry.serve(DIRECTORY_LIST_SUBJECT, async () => ({
      ok: true,
      data: await registry.signed([...registry.entries.values()]),
    }));
    await connection.flush();
    return registry;
  }

  /** Enrols a key pair directly (the gateway's, which the test holds itself). */
  async enrolKeys(
    code: string,
    role: BureauRole,
    keys: { signing: KeyObject; encryption: KeyObject },
  ): Promise<EnrolResponse> {
    const signing = await issueTestCertificate(this.ca, { code, publicKey: keys.signing });
    const encryption = await issueTestCertificate(this.ca, { code, publicKey: keys.encryption });
    this.entries.set(code, {
      code,
      role,
      status: 'active',
      signingCertificate: signing.pem,
      encryptionCertificate: encryption.pem,
      revokedSerials: [],
      version: this.entries.size + 1,
    });
    return { code, caCertificate: this.ca.pem, signingCertificate: signing.pem, encryptionCertificate: encryption.pem };
  }

  /** What "all" means at the gateway: every active bureau and the hub. */
  broadcastCodes(): string[] {
    return [...this.entries.values()]
      .filter((entry) => entry.status === 'active' && entry.role !== 'gateway')
      .map((entry) => entry.code);
  }

  stop(): void {
    this.subscriptions.forEach((subscription) => subscription.unsubscribe());
  }

  private async enrol(body: unknown): Promise<WireReply<EnrolResponse>> {
    const request = enrolRequestSchema.parse(body);
    const csr = new x509.Pkcs10CertificateRequest(request.signingCsr);
    if (!(await csr.verify()))
      return { ok: false, error: { code: 'bad-csr', reason: 'the CSR signature does not verify' } };
    const signing = createPublicKey({ key: Buffer.from(csr.publicKey.rawData), format: 'der', type: 'spki' });
    const role: BureauRole = request.code === 'XH' ? 'hub' : 'bureau';
    return {
      ok: true,
      data: await this.enrolKeys(request.code, role, { signing, encryption: createPublicKey(request.encryptionKey) }),
    };
  }

  private async get(body: unknown): Promise<WireReply<SignedDirectory>> {
    const code = (body as { code?: unknown }).code;
    const entry = typeof code === 'string' ? this.entries.get(code) : undefined;
    if (!entry) return { ok: false, error: { code: 'unknown-bureau', reason: `no bureau ${String(code)}` } };
    return { ok: true, data: await this.signed([entry]) };
  }

  private signed(entries: DirectoryEntry[]): Promise<SignedDirectory> {
    return this.signer.sign(entries, { issuedAt: this.directoryDating.issuedAt(), ttlMs: this.directoryDating.ttlMs });
  }

  private serve(subject: string, answer: (body: unknown) => Promise<WireReply<unknown>>): void {
    const respond = async (msg: Msg) => {
      const reply = await answer(msg.json()).catch((error: unknown) => ({
        ok: false as const,
        error: { code: 'internal', reason: String(error) },
      }));
      msg.respond(JSON.stringify(reply));
    };
    this.subscriptions.push(this.connection.subscribe(subject, { callback: (_error, msg) => void respond(msg) }));
  }
}

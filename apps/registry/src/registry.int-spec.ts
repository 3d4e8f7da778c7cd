import { Logger, type INestApplication } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import {
  DIRECTORY_CHANGED_SUBJECT,
  DIRECTORY_GET_SUBJECT,
  DIRECTORY_HEARTBEAT_SUBJECT,
  DIRECTORY_LIST_SUBJECT,
  ENROL_SUBJECT,
  directoryChangedEventSchema,
  directoryEntrySchema,
  directoryHeartbeatSchema,
  enrolResponseSchema,
  type DirectoryChangedEvent,
  type DirectoryEntry,
  type DirectoryHeartbeat,
  type EnrolRequest,
  type DirectoryContent,
  type EnrolResponse,
  type SignedDirectory,
  type WireReply,
} from '@bureaunet/contracts';
import { verifySignedDirectory } from '@bureaunet/evidence';
import { generateBureauKeys, verifyBureauCertificate, type BureauKeys } from '@bureaunet/crypto';
import { loadOrEnrolIdentity } from '@bureaunet/identity';
import { bootstrapService } from '@bureaunet/platform';
import { startNatsServer, throwawayPostgresUrl, type RunningNatsServer } from '@bureaunet/testing';
import { JetStreamServer, NATS_CONNECTION } from '@bureaunet/transport';
import { makeEnrolRequest } from '../testing/enrol-request.factory';
import { NatsEventLog } from '../testing/nats-event.log';
import { caFilesIn } from './pki/ca.repository';
import type { RegistryConfig } from './registry.config';
import { RegistryModule } from './registry.module';

jest.setTimeout(60_000);

const ADMIN_TOKEN = 'integration-admin-token-0123456789';
const HOUR_MS = 60 * 60 * 1000;

describe('registry (real SQLite, real nats-server, HTTP and NATS)', () => {
  let nats: RunningNatsServer;
  let dataDir: string;
  let config: RegistryConfig;
  let app: INestApplication;
  let url: string;
  let nc: NatsConnection;
  let events: NatsEventLog;
  let clockOffsetMs = 0;
  const clock = { now: () => new Date(Date.now() + clockOffsetMs) };

  async function boot(): Promise<void> {
    ({ app, url } = await bootstrapService({
      name: 'registry',
      module: RegistryModule.forRoot(config, { clock }),
      port: 0,
      microservice: (nest) => new JetStreamServer({ connection: () => nest.get(NATS_CONNECTION), consumers: [] }),
    }));
  }

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    nats = await startNatsServer();
    dataDir = mkdtempSync(join(tmpdir(), 'bureaunet-registry-'));
    config = {
      port: 0,
      dataDir,
      databaseUrl: await throwawayPostgresUrl('registry'),
      natsUrl: nats.url,
      adminToken: ADMIN_TOKEN,
      // Absent: the registry makes its own CA in the data directory.
      caFiles: caFilesIn(join(dataDir, 'no-certs-here')),
      heartbeatMs: 100,
      certValidityDays: 30,
    };
    nc = await connect({ servers: nats.url });
    events = new NatsEventLog(nc, [DIRECTORY_CHANGED_SUBJECT, DIRECTORY_HEARTBEAT_SUBJECT]);
    await nc.flush();
    await boot();
  });

  afterAll(async () => {
    await app?.close();
    await nc?.close();
    await nats?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  type Json = Record<string, unknown>;

  /** An admin call unless `token` says otherwise (null: no Authorization header). */
  async function http(
    method: 'GET' | 'POST',
    path: string,
    options: { body?: unknown; token?: string | null } = {},
  ): Promise<{ status: number; body: Json; text: string; headers: Headers }> {
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const token = options.token === undefined ? ADMIN_TOKEN : options.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.includes('json') ?? false;
    return { status: response.status, body: isJson ? (JSON.parse(text) as Json) : {}, text, headers: response.headers };
  }

  async function request<T>(subject: string, body: unknown): Promise<WireReply<T>> {
    const reply = await nc.request(subject, JSON.stringify(body), { timeout: 10_000 });
    return reply.json<WireReply<T>>();
  }

  async function issueToken(code: string): Promise<string> {
    const response = await http('POST', '/api/admin/enrolment-tokens', { body: { code } });
    expect(response.status).toBe(201);
    return response.body.token as string;
  }

  async function enrolOverNats(body: Partial<EnrolRequest>): Promise<WireReply<EnrolResponse>> {
    return request<EnrolResponse>(ENROL_SUBJECT, body);
  }

  /** A directory answer, its XR signature checked against the registry's CA as a client does. */
  async function signedOverNats(subject: string, body: unknown): Promise<DirectoryContent> {
    const reply = await request<SignedDirectory>(subject, body);
    if (!reply.ok) throw new Error(`${subject}: ${reply.error.code}`);
    return verifySignedDirectory(reply.data, { cas: [new X509Certificate(caPem())], now: new Date() });
  }

  async function entryOverNats(code: string): Promise<DirectoryEntry> {
    const { entries } = await signedOverNats(DIRECTORY_GET_SUBJECT, { code });
    expect(entries).toHaveLength(1);
    return directoryEntrySchema.parse(entries[0]);
  }

  const serialOf = (pem: string) => new X509Certificate(pem).serialNumber.toLowerCase();
  const caPem = () => readFileSync(join(dataDir, 'ca.crt'), 'utf8');

  // The tests below run in order, as one administrator's session.
  let frToken: string;
  let frKeys: BureauKeys;
  let frEnrolment: EnrolResponse;

  it('makes a CA in the data directory and serves it as a PEM file', async () => {
    const response = await http('GET', '/api/pki/ca', { token: null });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-pem-file/);
    expect(response.text).toBe(caPem());
    expect(new X509Certificate(response.text).ca).toBe(true);
  });

  it('shows on its health when the CA expires', async () => {
    const response = await http('GET', '/api/health', { token: null });
    expect(response.status).toBe(200);
    const notAfter = new X509Certificate(caPem()).validTo;
    expect(response.body).toEqual({
      status: 'ok',
      service: 'registry',
      ca: { notAfter: new Date(notAfter).toISOString(), daysLeft: expect.any(Number) },
    });
    expect((response.body.ca as { daysLeft: number }).daysLeft).toBeGreaterThan(3000);
  });

  it('refuses every admin endpoint without a bearer token, or with a wrong one', async () => {
    const endpoints = [
      '/api/admin/enrolment-tokens',
      '/api/admin/bureaus/FR/suspend',
      '/api/admin/bureaus/FR/reinstate',
      '/api/admin/bureaus/FR/revoke',
      '/api/admin/certificates/0a/revoke',
    ];
    for (const path of endpoints) {
      const missing = await http('POST', path, { body: { code: 'FR' }, token: null });
      expect({ path, status: missing.status, code: missing.body.code }).toEqual({
        path,
        status: 401,
        code: 'token-missing',
      });
      const wrong = await http('POST', path, { body: { code: 'FR' }, token: `${ADMIN_TOKEN}-not` });
      expect({ path, status: wrong.status, code: wrong.body.code }).toEqual({
        path,
        status: 401,
        code: 'token-invalid',
      });
      expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('issues a one-time token and registers the bureau, announcing it', async () => {
    const since = events.mark();
    const response = await http('POST', '/api/admin/enrolment-tokens', { body: { code: 'FR' } });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      code: 'FR',
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
    });
    const event = await events.next<DirectoryChangedEvent>(
      DIRECTORY_CHANGED_SUBJECT,
      since,
      (body) => body.code === 'FR',
    );
    expect(directoryChangedEventSchema.parse(event)).toEqual({
      code: 'FR',
      version: expect.any(Number),
      change: 'registered',
    });
    expect(await entryOverNats('FR')).toEqual({
      code: 'FR',
      role: 'bureau',
      status: 'active',
      revokedSerials: [],
      version: event.version,
    });
    frKeys = await generateBureauKeys();
    frToken = response.body.token as string;
  });

  it('enrols a bureau over NATS and lists its certificates (NATS and HTTP)', async () => {
    const token = frToken;
    const since = events.mark();
    const reply = await enrolOverNats(await makeEnrolRequest('FR', token, frKeys));
    if (!reply.ok) throw new Error(`enrolment refused: ${reply.error.code}: ${reply.error.reason}`);
    frEnrolment = enrolResponseSchema.parse(reply.data);
    expect(frEnrolment.caCertificate).toBe(caPem());
    const ca = new X509Certificate(frEnrolment.caCertificate);
    const check = { ca, code: 'FR', now: new Date(), revokedSerials: [] };
    expect(
      verifyBureauCertificate(frEnrolment.signingCertificate, { ...check, use: 'signing' }).publicKey.equals(
        frKeys.signing.publicKey,
      ),
    ).toBe(true);
    expect(
      verifyBureauCertificate(frEnrolment.encryptionCertificate, { ...check, use: 'encryption' }).publicKey.equals(
        frKeys.encryption.publicKey,
      ),
    ).toBe(true);

    const event = await events.next<DirectoryChangedEvent>(
      DIRECTORY_CHANGED_SUBJECT,
      since,
      (body) => body.code === 'FR',
    );
    expect(event.change).toBe('enrolled');

    const expected = {
      code: 'FR',
      role: 'bureau',
      status: 'active',
      signingCertificate: frEnrolment.signingCertificate,
      encryptionCertificate: frEnrolment.encryptionCertificate,
      revokedSerials: [],
      version: event.version,
    };
    expect(await entryOverNats('FR')).toEqual(expected);
    expect((await http('GET', '/api/directory/FR', { token: null })).body).toEqual(expected);
    const listed = await signedOverNats(DIRECTORY_LIST_SUBJECT, {});
    expect(listed).toEqual({
      entries: [expected],
      version: event.version,
      issuedAt: expect.any(String),
      expiresAt: expect.any(String),
    });
    // DIRECTORY_TTL_MS's default: a day.
    expect(Date.parse(listed.expiresAt) - Date.parse(listed.issuedAt)).toBe(86_400_000);
    expect((await http('GET', '/api/directory', { token: null })).body).toEqual({
      entries: [expected],
      version: event.version,
    });
  });

  it('refuses enrolment without a token, with a used one, with another bureau’s, with a bad CSR or key binding, or an expired one', async () => {
    const usedToken = frToken;
    const deToken = await issueToken('DE');
    const deKeys = await generateBureauKeys();
    const refusal = async (body: Partial<EnrolRequest>) => {
      const reply = await enrolOverNats(body);
      return reply.ok ? 'accepted' : reply.error.code;
    };

    expect(await refusal(await makeEnrolRequest('DE', undefined, deKeys))).toBe('enrolment-token-invalid');
    expect(await refusal(await makeEnrolRequest('DE', 'x'.repeat(43), deKeys))).toBe('enrolment-token-invalid');
    expect(await refusal(await makeEnrolRequest('FR', usedToken, frKeys))).toBe('enrolment-token-used');
    expect(await refusal(await makeEnrolRequest('FR', deToken, frKeys))).toBe('enrolment-token-wrong-bureau');
    expect(await refusal(await makeEnrolRequest('DE', deToken, deKeys, { csrName: 'CN=FR' }))).toBe('csr-invalid');
    expect(await refusal(await makeEnrolRequest('DE', deToken, deKeys, { bindingKeys: frKeys }))).toBe(
      'key-binding-invalid',
    );
    expect(
      await refusal({ ...(await makeEnrolRequest('DE', deToken, deKeys)), signingCsr: 42 as unknown as string }),
    ).toBe('invalid-request');

    clockOffsetMs = 25 * HOUR_MS;
    try {
      expect(await refusal(await makeEnrolRequest('DE', deToken, deKeys))).toBe('enrolment-token-expired');
    } finally {
      clockOffsetMs = 0;
    }

    // Over HTTP, the same refusal, as 401.
    const http401 = await http('POST', '/api/pki/enrol', {
      body: await makeEnrolRequest('FR', usedToken, frKeys),
      token: null,
    });
    expect({ status: http401.status, code: http401.body.code }).toEqual({ status: 401, code: 'enrolment-token-used' });

    // Refused attempts did not spend DE's token.
    expect(await refusal(await makeEnrolRequest('DE', deToken, deKeys))).toBe('accepted');
  });

  it('enrols once with a token, even when two requests race with it', async () => {
    const token = await issueToken('IT');
    const [first, second] = await Promise.all([
      enrolOverNats(await makeEnrolRequest('IT', token, await generateBureauKeys())),
      enrolOverNats(await makeEnrolRequest('IT', token, await generateBureauKeys())),
    ]);
    const outcomes = [first, second].map((reply) => (reply.ok ? 'accepted' : reply.error.code)).sort();
    expect(outcomes).toEqual(['accepted', 'enrolment-token-used']);
    expect((await entryOverNats('IT')).revokedSerials).toEqual([]);
  });

  it('enrols a node the way libs/identity does on its first start', async () => {
    const token = await issueToken('DK');
    const identity = await loadOrEnrolIdentity({
      code: 'DK',
      dataDir: join(dataDir, 'node-DK'),
      enrolmentToken: token,
      enrol: async (body) => {
        const reply = await enrolOverNats(body);
        if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.reason}`);
        return reply.data;
      },
    });
    expect(identity.ca.toString()).toBe(new X509Certificate(caPem()).toString());
    expect((await entryOverNats('DK')).signingCertificate).toBe(identity.signing.certificate.toString());
  });

  it('enrols over HTTP too', async () => {
    const token = await issueToken('XH');
    const keys = await generateBureauKeys();
    const response = await http('POST', '/api/pki/enrol', {
      body: await makeEnrolRequest('XH', token, keys),
      token: null,
    });
    expect(response.status).toBe(201);
    expect(new X509Certificate(response.body.signingCertificate as string).subject).toBe('O=bureaunet\nCN=XH');
    expect((await entryOverNats('XH')).role).toBe('hub');
  });

  it('re-enrolment rotates the keys: the earlier certificates are revoked', async () => {
    const before = await entryOverNats('FR');
    const token = await issueToken('FR');
    frKeys = await generateBureauKeys();
    const reply = await enrolOverNats(await makeEnrolRequest('FR', token, frKeys));
    if (!reply.ok) throw new Error(reply.error.code);
    const after = await entryOverNats('FR');
    expect(after.signingCertificate).toBe(reply.data.signingCertificate);
    expect(after.revokedSerials).toEqual(
      [serialOf(frEnrolment.signingCertificate), serialOf(frEnrolment.encryptionCertificate)].sort(),
    );
    expect(after.version).toBeGreaterThan(before.version);
    frEnrolment = reply.data;
  });

  it('revokes one certificate: an event, then the directory lists it revoked and no longer current', async () => {
    const serial = serialOf(frEnrolment.signingCertificate);
    const since = events.mark();
    const response = await http('POST', `/api/admin/certificates/${serial}/revoke`);
    expect(response.status).toBe(200);
    const event = await events.next<DirectoryChangedEvent>(
      DIRECTORY_CHANGED_SUBJECT,
      since,
      (body) => body.code === 'FR',
    );
    expect(event.change).toBe('revoked');
    const entry = await entryOverNats('FR');
    expect(entry.revokedSerials).toContain(serial);
    expect(entry.signingCertificate).toBeUndefined();
    expect(entry.encryptionCertificate).toBe(frEnrolment.encryptionCertificate);
    expect(entry.version).toBe(event.version);
    expect(response.body).toEqual(entry);

    const again = await http('POST', `/api/admin/certificates/${serial.toUpperCase()}/revoke`);
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'certificate-already-revoked',
    });
    const unknown = await http('POST', '/api/admin/certificates/0abc/revoke');
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'unknown-certificate' });
  });

  it('revokes a bureau’s current certificates', async () => {
    const since = events.mark();
    const response = await http('POST', '/api/admin/bureaus/DE/revoke');
    expect(response.status).toBe(200);
    expect(
      await events.next<DirectoryChangedEvent>(DIRECTORY_CHANGED_SUBJECT, since, (body) => body.code === 'DE'),
    ).toMatchObject({ change: 'revoked' });
    const entry = await entryOverNats('DE');
    expect(entry.signingCertificate).toBeUndefined();
    expect(entry.encryptionCertificate).toBeUndefined();
    expect(entry.revokedSerials).toHaveLength(2);
    const again = await http('POST', '/api/admin/bureaus/DE/revoke');
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'no-current-certificates' });
  });

  it('suspends and reinstates a bureau, announcing each change', async () => {
    let since = events.mark();
    expect((await http('POST', '/api/admin/bureaus/FR/suspend')).status).toBe(200);
    expect(
      await events.next<DirectoryChangedEvent>(DIRECTORY_CHANGED_SUBJECT, since, (body) => body.code === 'FR'),
    ).toMatchObject({ change: 'suspended' });
    expect((await entryOverNats('FR')).status).toBe('suspended');
    expect((await http('POST', '/api/admin/bureaus/FR/suspend')).body.code).toBe('bureau-already-suspended');

    since = events.mark();
    expect((await http('POST', '/api/admin/bureaus/FR/reinstate')).status).toBe(200);
    expect(
      await events.next<DirectoryChangedEvent>(DIRECTORY_CHANGED_SUBJECT, since, (body) => body.code === 'FR'),
    ).toMatchObject({ change: 'reinstated' });
    expect((await entryOverNats('FR')).status).toBe('active');
    expect((await http('POST', '/api/admin/bureaus/FR/reinstate')).body.code).toBe('bureau-not-suspended');

    const hub = await http('POST', '/api/admin/bureaus/XH/suspend');
    expect({ status: hub.status, code: hub.body.code }).toEqual({ status: 403, code: 'hub-not-suspendable' });
    const unknown = await http('POST', '/api/admin/bureaus/ZZ/suspend');
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'unknown-bureau' });
  });

  it('answers unknown and malformed codes with their own errors (HTTP and NATS)', async () => {
    const malformed = await http('GET', '/api/directory/fr', { token: null });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({
      code: 'invalid-request',
      reason: expect.stringContaining('two-letter upper-case bureau code'),
    });
    const unknown = await http('GET', '/api/directory/ZZ', { token: null });
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'unknown-bureau' });
    expect(await request(DIRECTORY_GET_SUBJECT, { code: 'ZZ' })).toEqual({
      ok: false,
      error: { code: 'unknown-bureau', reason: 'bureau ZZ is not registered' },
    });
    expect(await request(DIRECTORY_GET_SUBJECT, { code: 'fr' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    const badToken = await http('POST', '/api/admin/enrolment-tokens', { body: { code: 'France' } });
    expect({ status: badToken.status, code: badToken.body.code }).toEqual({ status: 400, code: 'invalid-request' });
  });

  it('beats with the current directory version', async () => {
    const listed = { data: await signedOverNats(DIRECTORY_LIST_SUBJECT, {}) };
    const beat = await events.next<DirectoryHeartbeat>(
      DIRECTORY_HEARTBEAT_SUBJECT,
      events.mark(),
      (body) => body.version === listed.data.version,
    );
    expect(directoryHeartbeatSchema.parse(beat)).toEqual({
      at: expect.any(String),
      version: listed.data.version,
      rulesVersion: expect.any(Number),
    });
  });

  it('keeps its CA and directory across a restart', async () => {
    const before = (await http('GET', '/api/directory', { token: null })).body;
    const ca = (await http('GET', '/api/pki/ca', { token: null })).text;
    await app.close();
    await boot();
    expect((await http('GET', '/api/pki/ca', { token: null })).text).toBe(ca);
    expect((await http('GET', '/api/directory', { token: null })).body).toEqual(before);
  });
});

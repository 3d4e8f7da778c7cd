import { Logger, type INestApplication } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENROL_SUBJECT, GATEWAY_CODE, type EnrolResponse } from '@bureaunet/contracts';
import type { EvidenceBundle } from '@bureaunet/evidence';
import { loadOrEnrolIdentity, type BureauIdentity } from '@bureaunet/identity';
import { bootstrapService } from '@bureaunet/platform';
import { startNatsServer, waitFor, type RunningNatsServer } from '@bureaunet/testing';
import { BusClient, JetStreamServer, NATS_CONNECTION } from '@bureaunet/transport';
import { statusAt, type CertificateStatus } from '../../../../libs/evidence/src/certificate-status.statement';
import { checkCertificates } from '../../../../libs/evidence/src/evidence-certificates.check';
import { EvidenceChecks } from '../../../../libs/evidence/src/evidence-check';
import { OpensslCli } from '../../testing/openssl.cli';
import { caFilesIn } from '../pki/ca.repository';
import { statusSigningFilesIn } from '../pki/status-signing.identity';
import type { RegistryConfig } from '../registry.config';
import { RegistryModule } from '../registry.module';
import { StatusStatementIssuer } from './status-statement.issuer';

jest.setTimeout(60_000);

const ADMIN_TOKEN = 'statement-admin-token-0123456789';
const HOUR_MS = 60 * 60 * 1000;
const TTL_MS = 24 * HOUR_MS;

describe('certificate status statements (real registry, SQLite and nats-server)', () => {
  let nats: RunningNatsServer;
  let dir: string;
  let config: RegistryConfig;
  let app: INestApplication;
  let url: string;
  let nc: NatsConnection;
  let openssl: OpensslCli;
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };
  const enrolled = new Map<string, { identity: BureauIdentity; fingerprint: string }>();

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
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-statements-'));
    config = {
      port: 0,
      dataDir: join(dir, 'registry'),
      natsUrl: nats.url,
      adminToken: ADMIN_TOKEN,
      caFiles: caFilesIn(join(dir, 'no-certs-here')),
      heartbeatMs: 100,
      certValidityDays: 30,
      statusStatementTtlMs: TTL_MS,
    };
    await boot();
    nc = await connect({ servers: nats.url });
    openssl = new OpensslCli();
    const bus = new BusClient(nc);
    for (const code of ['DK', 'MR', GATEWAY_CODE]) {
      const token = await admin('POST', '/api/admin/enrolment-tokens', { code }).then(
        async (response) => ((await response.json()) as { token: string }).token,
      );
      const identity = await loadOrEnrolIdentity({
        code,
        dataDir: join(dir, `node-${code}`),
        enrolmentToken: token,
        enrol: (request) => bus.request<EnrolResponse>(ENROL_SUBJECT, request),
      });
      enrolled.set(code, { identity, fingerprint: identity.signing.kid });
    }
  });

  afterAll(async () => {
    openssl?.dispose();
    await app?.close();
    await nc?.close();
    await nats?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function admin(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  function fingerprintOf(code: string): string {
    const found = enrolled.get(code);
    if (!found) throw new Error(`${code} is not enrolled in this spec`);
    return found.fingerprint;
  }

  async function statementsAbout(code: string, at?: Date): Promise<string[]> {
    const query = new URLSearchParams({ fingerprint: fingerprintOf(code), ...(at ? { at: at.toISOString() } : {}) });
    const response = await fetch(`${url}/api/pki/status-statements?${query.toString()}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { statements: string[] }).statements;
  }

  /** Verifies with libs/evidence, as a bundle's verifier will: the registry certificate, then each statement. */
  async function verified(code: string): Promise<{ checks: EvidenceChecks; statuses: CertificateStatus[] }> {
    const [ca, registry, statements] = await Promise.all([
      fetch(`${url}/api/pki/ca`).then((response) => response.text()),
      fetch(`${url}/api/pki/status-certificate`).then((response) => response.text()),
      statementsAbout(code),
    ]);
    const pem = (c: string) => enrolled.get(c)!.identity.signing.certificate.toString();
    const checks = new EvidenceChecks();
    const bundle = {
      certificates: { ca, registry, gateway: pem(GATEWAY_CODE), bureaus: code === GATEWAY_CODE ? [] : [pem(code)] },
      statuses: statements,
    } as unknown as EvidenceBundle;
    const book = checkCertificates(
      bundle,
      { trustedCa: new X509Certificate(ca), gatewayCode: GATEWAY_CODE, registryCode: 'XR' },
      checks,
    );
    return { checks, statuses: book.statuses.get(fingerprintOf(code)) ?? [] };
  }

  it('publishes its XR certificate, issued by the CA (openssl agrees), kept in the data directory owner-only', async () => {
    const ca = await fetch(`${url}/api/pki/ca`).then((response) => response.text());
    const response = await fetch(`${url}/api/pki/status-certificate`);
    expect(response.headers.get('content-type')).toContain('application/x-pem-file');
    const pem = await response.text();
    expect(openssl.verify(ca, pem, clock.now())).toContain('OK');
    const text = openssl.text(pem);
    expect(text).toMatch(/Subject: O ?= ?bureaunet, CN ?= ?XR/);
    expect(text).toContain('CA:FALSE');
    expect(text).toContain('Digital Signature');
    expect(text).toContain('ED25519');
    const files = statusSigningFilesIn(config.dataDir);
    expect(readFileSync(files.certificate, 'utf8')).toBe(pem);
    expect(readFileSync(files.privateKey, 'utf8')).toContain('PRIVATE KEY');
  });

  it("signs a good statement for every bureau's and the gateway's signing certificate that libs/evidence verifies", async () => {
    for (const code of ['DK', 'MR', GATEWAY_CODE]) {
      const statements = await waitFor(async () => (await statementsAbout(code)).length > 0 && statementsAbout(code), {
        what: `a statement about ${code}`,
      });
      expect(statements).toHaveLength(1);
      const { checks, statuses } = await verified(code);
      expect(checks.checks.filter((check) => !check.ok)).toEqual([]);
      expect(statuses).toEqual([expect.objectContaining({ code, fingerprint: fingerprintOf(code), status: 'good' })]);
      const [status] = statuses;
      expect(Date.parse(status.expiresAt) - Date.parse(status.asOf)).toBe(TTL_MS);
      expect(statusAt(statuses, clock.now()).ok).toBe(true);
    }
    // Nothing changed: a second run signs nothing.
    await expect(app.get(StatusStatementIssuer).reconcile()).resolves.toBe(0);
  });

  it('signs a revocation as soon as it is made, dated when it happened; the earlier word still covers the time before', async () => {
    const before = clock.now();
    expect((await admin('POST', '/api/admin/bureaus/DK/revoke')).status).toBe(200);
    const statements = await waitFor(async () => ((await statementsAbout('DK')).length === 2 ? true : undefined), {
      what: 'the revocation statement',
    }).then(() => verified('DK'));
    expect(statements.checks.checks.filter((check) => !check.ok)).toEqual([]);
    const [revoked, good] = statements.statuses; // newest first
    expect(revoked).toMatchObject({ status: 'revoked' });
    expect(good).toMatchObject({ status: 'good' });
    expect(Date.parse(revoked.asOf)).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(statusAt(statements.statuses, clock.now())).toEqual({
      ok: false,
      reason: `revoked as of ${revoked.asOf}`,
    });
    expect(statusAt(statements.statuses, new Date(Date.parse(revoked.asOf) - 1)).ok).toBe(true);
    // A revocation is said once.
    await expect(app.get(StatusStatementIssuer).reconcile()).resolves.toBe(0);
  });

  it('says suspended while a bureau is suspended and good again once reinstated', async () => {
    expect((await admin('POST', '/api/admin/bureaus/MR/suspend')).status).toBe(200);
    await app.get(StatusStatementIssuer).reconcile();
    const suspended = await verified('MR');
    expect(suspended.statuses.map((status) => status.status)).toEqual(['suspended', 'good']);
    expect(statusAt(suspended.statuses, clock.now()).ok).toBe(false);
    expect((await admin('POST', '/api/admin/bureaus/MR/reinstate')).status).toBe(200);
    await app.get(StatusStatementIssuer).reconcile();
    const reinstated = await verified('MR');
    expect(reinstated.checks.checks.filter((check) => !check.ok)).toEqual([]);
    expect(reinstated.statuses.map((status) => status.status)).toEqual(['good', 'suspended', 'good']);
  });

  it('re-signs before a statement expires, keeps every statement, and answers what was said by a past time', async () => {
    const first = (await verified(GATEWAY_CODE)).statuses;
    expect(first).toHaveLength(1);
    offsetMs = TTL_MS / 2 - HOUR_MS;
    await expect(app.get(StatusStatementIssuer).reconcile()).resolves.toBe(0);
    offsetMs = TTL_MS / 2 + HOUR_MS;
    // XG and MR are good and half spent; DK is revoked and is not said again.
    await expect(app.get(StatusStatementIssuer).reconcile()).resolves.toBe(2);
    const later = (await verified(GATEWAY_CODE)).statuses;
    expect(later).toHaveLength(2);
    const afterFirstExpiry = new Date(Date.parse(first[0].expiresAt) + HOUR_MS);
    expect(statusAt(first, afterFirstExpiry).ok).toBe(false);
    expect(statusAt(later, afterFirstExpiry).ok).toBe(true);
    const byThen = await statementsAbout(GATEWAY_CODE, new Date(Date.parse(first[0].asOf) + 1000));
    expect(byThen).toHaveLength(1);
  });

  it('refuses a query that does not name a certificate fingerprint', async () => {
    const response = await fetch(`${url}/api/pki/status-statements?fingerprint=not-a-fingerprint`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'invalid-request',
      reason: expect.stringContaining('fingerprint'),
    });
  });

  it('keeps its XR identity across a restart', async () => {
    const before = await fetch(`${url}/api/pki/status-certificate`).then((response) => response.text());
    await app.close();
    await boot();
    const after = await fetch(`${url}/api/pki/status-certificate`).then((response) => response.text());
    expect(after).toBe(before);
  });
});

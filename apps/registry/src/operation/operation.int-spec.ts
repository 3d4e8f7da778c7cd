import { Logger, type INestApplication } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  RULES_GET_SUBJECT,
  operationHistorySubject,
  operationManageSubject,
  type OperationChanged,
  type OperationHistory,
  type RuleBundle,
  type WireReply,
} from '@bureaunet/contracts';
import { bootstrapService } from '@bureaunet/platform';
import { startNatsServer, type RunningNatsServer } from '@bureaunet/testing';
import { JetStreamServer, NATS_CONNECTION } from '@bureaunet/transport';
import { caFilesIn } from '../pki/ca.repository';
import type { RegistryConfig } from '../registry.config';
import { RegistryModule } from '../registry.module';

jest.setTimeout(60_000);

const TOKENS = { admin: 'ops-admin-token-0123456789', coordinator: 'ops-coordinator-token-0123456789' };
const HOUR = 3_600_000;
const at = (offsetHours: number) => new Date(Date.now() + offsetHours * HOUR).toISOString();

describe('operations managed by their own bureau (real SQLite, real nats-server)', () => {
  let nats: RunningNatsServer;
  let dataDir: string;
  let app: INestApplication;
  let url: string;
  let nc: NatsConnection;

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    nats = await startNatsServer();
    dataDir = mkdtempSync(join(tmpdir(), 'bureaunet-operations-'));
    const config: RegistryConfig = {
      port: 0,
      dataDir,
      natsUrl: nats.url,
      adminToken: TOKENS.admin,
      roleTokens: `coordinator:${TOKENS.coordinator}`,
      caFiles: caFilesIn(join(dataDir, 'no-certs-here')),
      heartbeatMs: 100,
      certValidityDays: 30,
    };
    nc = await connect({ servers: nats.url });
    ({ app, url } = await bootstrapService({
      name: 'registry',
      module: RegistryModule.forRoot(config),
      port: 0,
      microservice: (nest) => new JetStreamServer({ connection: () => nest.get(NATS_CONNECTION), consumers: [] }),
    }));
    for (const code of ['DK', 'MR', 'FR', 'IT'])
      expect((await http('POST', '/api/admin/enrolment-tokens', { code })).status).toBe(201);
  });

  afterAll(async () => {
    await app?.close();
    await nc?.close();
    await nats?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function http(method: string, path: string, body?: unknown, token = TOKENS.admin) {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function ask<T>(subject: string, body: unknown): Promise<WireReply<T>> {
    return (await nc.request(subject, JSON.stringify(body), { timeout: 10_000 })).json<WireReply<T>>();
  }
  const manage = (code: string, body: unknown) => ask<OperationChanged>(operationManageSubject(code), body);
  const history = (code: string, id: string) => ask<OperationHistory>(operationHistorySubject(code), { id });

  async function rulesVersion(): Promise<number> {
    const reply = await ask<RuleBundle>(RULES_GET_SUBJECT, {});
    if (!reply.ok) throw new Error(reply.error.reason);
    return reply.data.version;
  }

  const baltic = { id: 'op-baltic', name: 'Baltic', participants: ['MR', 'FR'], start: at(-1), end: at(2) };

  it('creates an operation coordinated by the bureau whose subject carries the request', async () => {
    const created = await manage('DK', { action: 'create', operation: baltic, author: 'person:dana' });
    expect(created).toEqual({
      ok: true,
      data: { operation: { ...baltic, coordinator: 'DK' }, version: expect.any(Number) },
    });
    // A request cannot name another coordinator: the draft has no such field.
    expect(
      await manage('MR', {
        action: 'create',
        operation: { ...baltic, id: 'op-x', coordinator: 'DK' },
        author: 'person:mo',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it("refuses another bureau's amendment and early end, and changes nothing", async () => {
    const before = await rulesVersion();
    expect(
      await manage('MR', { action: 'amend', id: 'op-baltic', changes: { name: 'Mine' }, author: 'person:mo' }),
    ).toEqual({
      ok: false,
      error: {
        code: 'operation-forbidden',
        reason: "operation op-baltic is coordinated by DK: only its coordinator's bureau may change it, not MR",
      },
    });
    expect(await manage('FR', { action: 'end', id: 'op-baltic', reason: 'no', author: 'person:fr' })).toMatchObject({
      ok: false,
      error: { code: 'operation-forbidden' },
    });
    expect(await rulesVersion()).toBe(before);
    expect(await history('DK', 'op-baltic')).toMatchObject({
      ok: true,
      data: { operation: { name: 'Baltic', end: baltic.end }, changes: [{ change: 'created' }] },
    });
  });

  it('refuses an operation whose end is already past, leaving no trace', async () => {
    const before = await rulesVersion();
    const refused = await manage('DK', {
      action: 'create',
      operation: { ...baltic, id: 'op-late', start: at(-3), end: at(-1) },
      author: 'person:dana',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'operation-invalid',
        reason: expect.stringMatching(/is already past: an operation must end in the future$/),
      },
    });
    expect(await rulesVersion()).toBe(before);
    expect((await http('GET', '/api/operations')).body).not.toContainEqual(expect.objectContaining({ id: 'op-late' }));
  });

  it('amends, extends and ends early as new rules versions, each in the history and the ledger outbox', async () => {
    const amended = await manage('DK', {
      action: 'amend',
      id: 'op-baltic',
      changes: { addParticipants: ['IT'], removeParticipants: ['FR'] },
      author: 'person:dana',
    });
    expect(amended).toMatchObject({ ok: true, data: { operation: { participants: ['MR', 'IT'] } } });
    const extendedEnd = at(10);
    const extended = await manage('DK', {
      action: 'amend',
      id: 'op-baltic',
      changes: { end: extendedEnd },
      author: 'person:dana',
    });
    expect(extended).toMatchObject({ ok: true, data: { operation: { end: extendedEnd } } });
    expect(
      await manage('DK', { action: 'amend', id: 'op-baltic', changes: { end: at(5) }, author: 'person:dana' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'operation-invalid', reason: expect.stringContaining('is not after the current end') },
    });
    expect(
      await manage('DK', {
        action: 'amend',
        id: 'op-baltic',
        changes: { addParticipants: ['ZZ'] },
        author: 'person:dana',
      }),
    ).toMatchObject({ ok: false, error: { code: 'operation-invalid', reason: 'ZZ is not a registered bureau' } });

    const ended = await manage('DK', {
      action: 'end',
      id: 'op-baltic',
      reason: 'suspects arrested',
      author: 'person:dana',
    });
    if (!ended.ok) throw new Error(ended.error.reason);
    expect(ended.data.operation.end <= new Date().toISOString()).toBe(true);
    expect(await rulesVersion()).toBe(ended.data.version);
    expect(
      await manage('DK', { action: 'end', id: 'op-baltic', reason: 'again', author: 'person:dana' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'operation-ended' },
    });

    // A participant reads the history too; a bureau outside the operation does not learn of it.
    const seen = await history('MR', 'op-baltic');
    if (!seen.ok) throw new Error(seen.error.reason);
    expect(seen.data.changes).toEqual([
      expect.objectContaining({ change: 'created', author: 'DK person:dana' }),
      expect.objectContaining({ change: 'amended', added: ['IT'], removed: ['FR'] }),
      expect.objectContaining({
        change: 'amended',
        previousEnd: baltic.end,
        operation: expect.objectContaining({ end: extendedEnd }),
      }),
      expect.objectContaining({ change: 'ended', previousEnd: extendedEnd, reason: 'suspects arrested' }),
    ]);
    expect(await history('FR', 'op-baltic')).toMatchObject({ ok: false, error: { code: 'operation-not-found' } });

    const recorded = await app
      .get(DataSource)
      .query<Array<{ data: string }>>("SELECT data FROM registry_event WHERE type = 'operation-changed' ORDER BY seq");
    expect(recorded.map((row) => (JSON.parse(row.data) as { change: string }).change)).toEqual([
      'created',
      'amended',
      'amended',
      'ended',
    ]);
  });

  it("keeps the registry's HTTP routes for the administrator: a coordinator token is refused", async () => {
    const draft = { ...baltic, id: 'op-admin', coordinator: 'FR', participants: ['MR'] };
    expect((await http('POST', '/api/operations', draft, TOKENS.coordinator)).status).toBe(403);
    expect((await http('POST', '/api/operations', draft)).status).toBe(201);
    expect((await http('PATCH', '/api/operations/op-admin', { name: 'x' }, TOKENS.coordinator)).status).toBe(403);
    expect((await http('PATCH', '/api/operations/op-admin', { addParticipants: ['IT'] })).body).toMatchObject({
      operation: { participants: ['MR', 'IT'] },
    });
    expect((await http('POST', '/api/operations/op-admin/end', { reason: 'done' })).status).toBe(200);
    expect(
      (await http('POST', '/api/operations', { ...draft, id: 'op-past', start: at(-2), end: at(-1) })).body,
    ).toMatchObject({
      code: 'operation-invalid',
      reason: expect.stringContaining('is already past'),
    });
  });
});

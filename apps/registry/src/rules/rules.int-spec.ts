import { Logger, type INestApplication } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  DIRECTORY_HEARTBEAT_SUBJECT,
  RULES_CHANGED_SUBJECT,
  RULES_GET_SUBJECT,
  groupsSubject,
  operationsSubject,
  ruleBundleSchema,
  type DirectoryHeartbeat,
  type RuleBundle,
  type RulesChangedEvent,
  type WireReply,
} from '@bureaunet/contracts';
import { bootstrapService } from '@bureaunet/platform';
import { DEFAULT_POLICIES } from '@bureaunet/policy';
import { startNatsServer, type RunningNatsServer } from '@bureaunet/testing';
import { JetStreamServer, NATS_CONNECTION } from '@bureaunet/transport';
import { NatsEventLog } from '../../testing/nats-event.log';
import { caFilesIn } from '../pki/ca.repository';
import type { RegistryConfig } from '../registry.config';
import { RegistryModule } from '../registry.module';

jest.setTimeout(60_000);

const TOKENS = {
  admin: 'rules-admin-token-0123456789',
  auditor: 'rules-auditor-token-0123456789',
  officer: 'rules-officer-token-0123456789',
  coordinator: 'rules-coordinator-token-0123456789',
};
type Caller = keyof typeof TOKENS | 'nobody';

const EXTRA_FORBID = `
@id("no-queries-to-fr")
@reason("FR takes no queries this week")
forbid (principal, action == Bureaunet::Action::"query", resource == Bureaunet::Bureau::"FR");
`;

describe('access rules in the registry (real SQLite, real nats-server)', () => {
  let nats: RunningNatsServer;
  let dataDir: string;
  let app: INestApplication;
  let url: string;
  let nc: NatsConnection;
  let events: NatsEventLog;

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    nats = await startNatsServer();
    dataDir = mkdtempSync(join(tmpdir(), 'bureaunet-rules-'));
    const config: RegistryConfig = {
      port: 0,
      dataDir,
      natsUrl: nats.url,
      adminToken: TOKENS.admin,
      roleTokens: `auditor:${TOKENS.auditor},officer:${TOKENS.officer},coordinator:${TOKENS.coordinator}`,
      caFiles: caFilesIn(join(dataDir, 'no-certs-here')),
      heartbeatMs: 100,
      certValidityDays: 30,
    };
    nc = await connect({ servers: nats.url });
    events = new NatsEventLog(nc, [RULES_CHANGED_SUBJECT, DIRECTORY_HEARTBEAT_SUBJECT]);
    await nc.flush();
    ({ app, url } = await bootstrapService({
      name: 'registry',
      module: RegistryModule.forRoot(config),
      port: 0,
      microservice: (nest) => new JetStreamServer({ connection: () => nest.get(NATS_CONNECTION), consumers: [] }),
    }));
    for (const code of ['DK', 'MR', 'FR', 'IT'])
      expect((await http('POST', '/api/admin/enrolment-tokens', { body: { code } })).status).toBe(201);
  });

  afterAll(async () => {
    await app?.close();
    await nc?.close();
    await nats?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  type Json = Record<string, unknown>;
  async function http(
    method: string,
    path: string,
    options: { body?: unknown; as?: Caller } = {},
  ): Promise<{ status: number; body: Json }> {
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const caller = options.as ?? 'admin';
    if (caller !== 'nobody') headers.authorization = `Bearer ${TOKENS[caller]}`;
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
  }

  async function bundleOverNats(): Promise<RuleBundle> {
    const reply = (await nc.request(RULES_GET_SUBJECT, '{}', { timeout: 10_000 })).json<WireReply<RuleBundle>>();
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.reason}`);
    return ruleBundleSchema.parse(reply.data);
  }

  const check = (body: Json, as: Caller = 'admin') => http('POST', '/api/rules/check', { body, as });
  const ledgerTypes = () =>
    app
      .get(DataSource)
      .query<Array<{ type: string; data: string }>>('SELECT type, data FROM registry_event ORDER BY seq');

  it('starts with the default policies as version 1, readable by admin and auditor only', async () => {
    const rules = await http('GET', '/api/rules', { as: 'auditor' });
    expect(rules.status).toBe(200);
    expect(rules.body).toMatchObject({
      version: 1,
      policies: DEFAULT_POLICIES,
      policySet: { version: 1, author: 'system' },
      declarations: [],
      operations: [],
    });
    expect(rules.body.schema).toContain('entity Bureau');
    expect((await http('GET', '/api/rules', { as: 'officer' })).body).toMatchObject({ code: 'role-forbidden' });
    expect((await http('GET', '/api/rules', { as: 'officer' })).status).toBe(403);
    expect((await http('GET', '/api/rules', { as: 'nobody' })).status).toBe(401);
    expect(await bundleOverNats()).toMatchObject({ version: 1, policies: DEFAULT_POLICIES });
  });

  it('refuses an invalid policy set with the validator’s message and keeps the set in force', async () => {
    const refused = await http('PUT', '/api/rules', {
      body: {
        policies: `${DEFAULT_POLICIES}\n@id("by-rank") forbid (principal, action, resource) when { principal.rank > 2 };`,
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      code: 'policy-invalid',
      reason: expect.stringMatching(/policy "by-rank": .*attribute `rank`/),
    });
    const syntax = await http('PUT', '/api/rules', {
      body: { policies: '@id("x") permit (principal, action, resource) when {' },
    });
    expect(syntax.body).toMatchObject({ code: 'policy-invalid', reason: expect.stringContaining('line 1:') });
    expect((await http('GET', '/api/rules')).body).toMatchObject({ version: 1, policies: DEFAULT_POLICIES });
  });

  it('lets only the administrator change the rules', async () => {
    for (const as of ['auditor', 'officer', 'coordinator'] as const) {
      expect({
        as,
        status: (await http('PUT', '/api/rules', { body: { policies: DEFAULT_POLICIES }, as })).status,
      }).toEqual({ as, status: 403 });
    }
    expect((await http('PUT', '/api/rules', { body: { policies: DEFAULT_POLICIES }, as: 'nobody' })).status).toBe(401);
    expect((await http('GET', '/api/rules')).body).toMatchObject({ version: 1 });
  });

  it('puts a valid set in force as a new version, announces it and serves it over NATS', async () => {
    const since = events.mark();
    const changed = await http('PUT', '/api/rules', { body: { policies: DEFAULT_POLICIES + EXTRA_FORBID } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, policySet: { version: 2, author: 'role:admin' }, warnings: [] });
    expect(await events.next<RulesChangedEvent>(RULES_CHANGED_SUBJECT, since)).toEqual({ version: 2 });
    expect(await bundleOverNats()).toMatchObject({ version: 2, policies: DEFAULT_POLICIES + EXTRA_FORBID });
    const beat = await events.next<DirectoryHeartbeat>(DIRECTORY_HEARTBEAT_SUBJECT, events.mark());
    expect(beat.rulesVersion).toBe(2);
  });

  it('changes the limits alone, keeping the policy text', async () => {
    const limits = {
      default: { messagesPerMinute: 600, recipientsPerMessage: 200 },
      bureaus: { DK: { messagesPerMinute: 60 } },
    };
    const changed = await http('PUT', '/api/rules', { body: { limits } });
    expect(changed.body).toMatchObject({ version: 3, limits, policies: DEFAULT_POLICIES + EXTRA_FORBID });
    const bad = await http('PUT', '/api/rules', {
      body: { limits: { default: { messagesPerMinute: 0, recipientsPerMessage: 10 }, bureaus: {} } },
    });
    expect(bad.body).toMatchObject({ code: 'rules-invalid', reason: expect.stringContaining('messagesPerMinute') });
    expect((await http('PUT', '/api/rules', { body: {} })).body).toMatchObject({ code: 'rules-invalid' });
  });

  it('answers a check with the deciding policies, for the set in force or a candidate', async () => {
    expect((await check({ sender: 'DK', recipient: 'MR', kind: 'diffusion' })).body).toEqual({
      decision: 'allow',
      policies: ['exchange-between-bureaus'],
      version: 3,
      candidate: false,
    });
    expect((await check({ sender: 'DK', recipient: 'FR', kind: 'query' })).body).toMatchObject({
      decision: 'deny',
      refusal: { code: 'policy-denied', rule: 'no-queries-to-fr', message: 'FR takes no queries this week' },
    });
    expect(
      (await check({ sender: 'DK', recipient: 'FR', kind: 'query', policies: DEFAULT_POLICIES })).body,
    ).toMatchObject({ decision: 'allow', candidate: true });
    expect(
      (await check({ sender: 'DK', recipient: 'MR', kind: 'message', meta: { restrictedTo: ['MR'] } })).body,
    ).toMatchObject({ decision: 'deny', policies: ['data-owner-restriction'] });
    expect(
      (await check({ sender: 'DK', recipient: 'MR', kind: 'message', meta: { restrictedTo: ['nope'] } })).body,
    ).toMatchObject({ code: 'invalid-request', reason: expect.stringContaining('meta.restrictedTo') });
    expect((await check({ sender: 'DK', recipient: 'ZZ', kind: 'message' })).status).toBe(404);
    expect((await check({ sender: 'DK', recipient: 'MR', kind: 'message' }, 'auditor')).status).toBe(403);
  });

  it('adds and removes a bilateral declaration, each a new version', async () => {
    const added = await http('POST', '/api/rules/declarations', {
      body: { declarer: 'MR', counterpart: 'DK', type: 'refuses-diffusions-from' },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      declarer: 'MR',
      counterpart: 'DK',
      type: 'refuses-diffusions-from',
      version: 4,
    });
    expect((await check({ sender: 'DK', recipient: 'MR', kind: 'diffusion' })).body).toMatchObject({
      decision: 'deny',
      refusal: { rule: 'refuses-diffusions-from' },
    });
    expect(
      (
        await http('POST', '/api/rules/declarations', {
          body: { declarer: 'MR', counterpart: 'DK', type: 'refuses-diffusions-from' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await http('POST', '/api/rules/declarations', {
          body: { declarer: 'MR', counterpart: 'XH', type: 'does-not-send-to' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await http('POST', '/api/rules/declarations', {
          body: { declarer: 'MR', counterpart: 'MR', type: 'does-not-send-to' },
        })
      ).body,
    ).toMatchObject({ code: 'declaration-invalid' });
    expect(
      (
        await http('POST', '/api/rules/declarations', {
          body: { declarer: 'MR', counterpart: 'FR', type: 'does-not-send-to' },
          as: 'officer',
        })
      ).status,
    ).toBe(403);
    expect((await http('GET', '/api/rules/declarations', { as: 'auditor' })).body).toEqual([
      expect.objectContaining({ id: added.body.id }),
    ]);

    expect((await http('DELETE', `/api/rules/declarations/${String(added.body.id)}`)).body).toEqual({ version: 5 });
    expect((await check({ sender: 'DK', recipient: 'MR', kind: 'diffusion' })).body).toMatchObject({
      decision: 'allow',
    });
    expect((await http('DELETE', `/api/rules/declarations/${String(added.body.id)}`)).status).toBe(404);
  });

  it('lets an administrator create an operation at its API, and nobody else', async () => {
    const hour = 3_600_000;
    const operation = {
      id: 'op-baltic',
      name: 'Baltic',
      coordinator: 'DK',
      participants: ['MR', 'FR'],
      start: new Date(Date.now() - hour).toISOString(),
      end: new Date(Date.now() + hour).toISOString(),
    };
    expect((await http('POST', '/api/operations', { body: operation, as: 'coordinator' })).status).toBe(403);
    const created = await http('POST', '/api/operations', { body: operation });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ ...operation, version: 6 });
    expect((await http('POST', '/api/operations', { body: operation })).status).toBe(409);
    expect(
      (await http('POST', '/api/operations', { body: { ...operation, id: 'op-2', end: operation.start } })).body,
    ).toMatchObject({ code: 'operation-invalid' });
    expect((await http('POST', '/api/operations', { body: { ...operation, id: 'op-3' }, as: 'officer' })).status).toBe(
      403,
    );
    expect((await http('GET', '/api/operations', { as: 'auditor' })).body).toEqual([operation]);
    expect(
      (await check({ sender: 'DK', recipient: 'MR', kind: 'operation-alert', meta: { operationId: 'op-baltic' } }))
        .body,
    ).toMatchObject({ decision: 'allow', policies: ['operation-alert-to-participants'] });
    expect(
      (await check({ sender: 'DK', recipient: 'IT', kind: 'operation-alert', meta: { operationId: 'op-baltic' } }))
        .body,
    ).toMatchObject({ decision: 'deny' });
    expect((await bundleOverNats()).operations).toEqual([operation]);
  });

  it('serves each bureau over NATS only the operations it coordinates or takes part in', async () => {
    const ofBureau = async (subject: string) =>
      (await nc.request(subject, '{}', { timeout: 5_000 })).json<WireReply<{ operations: Array<{ id: string }> }>>();
    expect(await ofBureau(operationsSubject('DK'))).toMatchObject({
      ok: true,
      data: { operations: [{ id: 'op-baltic' }] },
    });
    expect(await ofBureau(operationsSubject('FR'))).toMatchObject({
      ok: true,
      data: { operations: [{ id: 'op-baltic' }] },
    });
    expect(await ofBureau(operationsSubject('IT'))).toEqual({ ok: true, data: { operations: [] } });
    expect(await ofBureau('bn.registry.operations.fr')).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', reason: expect.stringContaining('bureau code') },
    });
  });

  it('hands every change to the ledger outbox in its own transaction', async () => {
    const recorded = (await ledgerTypes()).filter((event) =>
      ['rules-changed', 'declaration-changed', 'operation-changed'].includes(event.type),
    );
    expect(
      recorded.map((event) => [event.type, (JSON.parse(event.data) as { rulesVersion: number }).rulesVersion]),
    ).toEqual([
      ['rules-changed', 1],
      ['rules-changed', 2],
      ['rules-changed', 3],
      ['declaration-changed', 4],
      ['declaration-changed', 5],
      ['operation-changed', 6],
    ]);
  });
  it('keeps country groups in the bundle: each change a new version, announced and ledgered; bad input changes nothing', async () => {
    const before = (await bundleOverNats()).version;
    const unknown = await http('POST', '/api/rules/groups', {
      body: { id: 'nordic', name: 'Nordic', kind: 'region', members: ['DK', 'SE'] },
    });
    expect(unknown).toMatchObject({
      status: 400,
      body: { code: 'group-invalid', reason: 'members: SE is not a bureau in the directory' },
    });
    expect((await http('POST', '/api/rules/groups', { as: 'officer', body: {} })).status).toBe(403);
    expect((await bundleOverNats()).version).toBe(before);

    const since = events.mark();
    const created = await http('POST', '/api/rules/groups', {
      body: { id: 'nordic', name: 'Nordic', kind: 'region', members: ['IT', 'DK', 'DK'] },
    });
    expect(created).toMatchObject({ status: 201, body: { id: 'nordic', members: ['DK', 'IT'], version: before + 1 } });
    expect(await events.next<RulesChangedEvent>(RULES_CHANGED_SUBJECT, since)).toEqual({ version: before + 1 });
    expect((await bundleOverNats()).groups).toMatchObject([{ id: 'nordic', kind: 'region', members: ['DK', 'IT'] }]);
    const again = { id: 'nordic', name: 'Nordic again', kind: 'custom', members: ['DK'] };
    expect(await http('POST', '/api/rules/groups', { body: again })).toMatchObject({
      status: 409,
      body: { code: 'group-exists' },
    });
    const served = (await nc.request(groupsSubject('MR'), '{}', { timeout: 5_000 })).json<WireReply<Json>>();
    expect(served).toMatchObject({ ok: true, data: { groups: [{ id: 'nordic', members: ['DK', 'IT'] }] } });

    const updated = await http('PUT', '/api/rules/groups/nordic', { body: { members: ['DK', 'FR'] } });
    expect(updated).toMatchObject({ status: 200, body: { members: ['DK', 'FR'], version: before + 2 } });
    const recorded = (await ledgerTypes()).filter((event) => event.type === 'group-changed');
    expect(recorded.map((event) => JSON.parse(event.data) as Json)).toMatchObject([
      { rulesVersion: before + 1, change: 'created', added: ['DK', 'IT'], removed: [] },
      { rulesVersion: before + 2, change: 'updated', added: ['FR'], removed: ['IT'] },
    ]);
  });

  it('previews a group change with the members and the decisions it changes, storing nothing', async () => {
    const policy = `@id("no-queries-to-nordic")
forbid (principal, action == Bureaunet::Action::"query", resource in Bureaunet::Group::"nordic");`;
    expect((await http('PUT', '/api/rules', { body: { policies: `${DEFAULT_POLICIES}\n${policy}` } })).status).toBe(
      200,
    );
    const version = (await bundleOverNats()).version;
    const preview = await http('POST', '/api/rules/groups/preview', { body: { id: 'nordic', members: ['DK', 'MR'] } });
    expect(preview).toMatchObject({
      status: 200,
      body: { change: 'update', version, added: ['MR'], removed: ['FR'], policies: ['no-queries-to-nordic'] },
    });
    const decisions = preview.body.decisions as Json[];
    expect(decisions).toContainEqual({
      sender: 'DK',
      recipient: 'MR',
      kind: 'query',
      before: 'allow',
      after: 'deny',
      rule: 'no-queries-to-nordic',
    });
    expect(decisions).toContainEqual(
      expect.objectContaining({ sender: 'IT', recipient: 'FR', kind: 'query', before: 'deny', after: 'allow' }),
    );
    expect(decisions.every((decision) => decision.kind === 'query')).toBe(true);
    expect((await bundleOverNats()).version).toBe(version);

    const deleting = await http('DELETE', '/api/rules/groups/nordic');
    expect(deleting).toMatchObject({ status: 409, body: { code: 'group-in-use' } });
    expect((await http('PUT', '/api/rules', { body: { policies: DEFAULT_POLICIES } })).status).toBe(200);
    expect((await http('DELETE', '/api/rules/groups/nordic')).status).toBe(200);
    expect((await bundleOverNats()).groups).toEqual([]);
    expect((await http('DELETE', '/api/rules/groups/nordic')).status).toBe(404);
  });
});

import { Logger, type INestApplication } from '@nestjs/common';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  ENROL_SUBJECT,
  REGISTRY_EVENTS_STREAM,
  registryEventSchema,
  type RegistryEvent,
  type WireReply,
} from '@bureaunet/contracts';
import { generateBureauKeys } from '@bureaunet/crypto';
import { dataSourceOptions, openDataSource } from '@bureaunet/persistence';
import { bootstrapService } from '@bureaunet/platform';
import { startNatsServer, throwawayPostgresUrl, waitFor, type RunningNatsServer } from '@bureaunet/testing';
import { JetStreamServer, MSG_ID_HEADER, NATS_CONNECTION } from '@bureaunet/transport';
import { makeEnrolRequest } from '../../testing/enrol-request.factory';
import { caFilesIn } from '../pki/ca.repository';
import type { RegistryConfig } from '../registry.config';
import { RegistryModule } from '../registry.module';
import { RegistryEventEntity } from './registry-event.entity';

jest.setTimeout(90_000);

const ADMIN_TOKEN = 'outbox-admin-token-0123456789abcdef';

describe('registry changes reach the ledger stream through a transactional outbox (real SQLite, real nats-server)', () => {
  let nats: RunningNatsServer;
  let dataDir: string;
  let config: RegistryConfig;
  let app: INestApplication | undefined;
  let url: string;
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  async function boot(): Promise<void> {
    ({ app, url } = await bootstrapService({
      name: 'registry',
      module: RegistryModule.forRoot(config),
      port: 0,
      microservice: (nest) => new JetStreamServer({ connection: () => nest.get(NATS_CONNECTION), consumers: [] }),
    }));
  }

  async function admin(path: string, body?: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  }

  /** Every message of the stream, with its Nats-Msg-Id. */
  async function streamed(): Promise<Array<{ msgId: string | undefined; event: RegistryEvent }>> {
    const info = await jsm.streams.info(REGISTRY_EVENTS_STREAM);
    const messages: Array<{ msgId: string | undefined; event: RegistryEvent }> = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const stored = await jsm.streams.getMessage(REGISTRY_EVENTS_STREAM, { seq });
      if (stored)
        messages.push({ msgId: stored.header?.get(MSG_ID_HEADER), event: registryEventSchema.parse(stored.json()) });
    }
    return messages;
  }

  /** A second connection to the registry's database, whichever it is. */
  function secondConnection(): Promise<DataSource> {
    return openDataSource({
      ...dataSourceOptions({
        database: join(dataDir, 'registry.sqlite'),
        url: config.databaseUrl,
        entities: [RegistryEventEntity],
      }),
      synchronize: false,
      name: `second-${Math.random()}`,
    });
  }

  /** The registry's outbox rows, read through a second connection. */
  async function outboxRows(): Promise<RegistryEventEntity[]> {
    const dataSource = await secondConnection();
    try {
      return await dataSource.manager.find(RegistryEventEntity, { order: { seq: 'ASC' } });
    } finally {
      await dataSource.destroy();
    }
  }

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    nats = await startNatsServer();
    dataDir = mkdtempSync(join(tmpdir(), 'bureaunet-outbox-'));
    config = {
      port: 0,
      dataDir,
      databaseUrl: await throwawayPostgresUrl('registry_outbox'),
      natsUrl: nats.url,
      adminToken: ADMIN_TOKEN,
      caFiles: caFilesIn(join(dataDir, 'no-certs-here')),
      heartbeatMs: 1_000,
      certValidityDays: 30,
    };
    nc = await connect({ servers: nats.url });
    jsm = await jetstreamManager(nc);
    await boot();
  });

  afterAll(async () => {
    await app?.close();
    await nc?.close();
    await nats?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('publishes registration, enrolment and suspension, in order, with the event id as Nats-Msg-Id, then marks them published', async () => {
    const { token } = (await admin('/api/admin/enrolment-tokens', { code: 'FR' })) as { token: string };
    const request = await makeEnrolRequest('FR', token, await generateBureauKeys());
    const reply = (await nc.request(ENROL_SUBJECT, JSON.stringify(request), { timeout: 10_000 })).json<
      WireReply<unknown>
    >();
    expect(reply.ok).toBe(true);
    await admin('/api/admin/bureaus/FR/suspend');

    // Other registry changes (the rules seeded on first start) share the stream: FR's are looked at here.
    const messages = await waitFor(
      async () => {
        const all = (await streamed()).filter(({ event }) => event.code === 'FR');
        return all.length >= 3 ? all : undefined;
      },
      { what: 'three events about FR on the stream' },
    );
    expect(messages.map(({ event }) => [event.type, event.code])).toEqual([
      ['bureau-registered', 'FR'],
      ['bureau-enrolled', 'FR'],
      ['bureau-suspended', 'FR'],
    ]);
    for (const { msgId, event } of messages) expect(msgId).toBe(event.id);
    const enrolled = messages[1].event;
    expect(enrolled.data).toMatchObject({
      version: expect.any(Number),
      certificates: [{ use: 'signing' }, { use: 'encryption' }],
    });
    expect((enrolled.data.certificates as Array<{ sha256: string }>)[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(messages[2].event.data).toMatchObject({ status: 'suspended' });

    const rows = await waitFor(
      async () => {
        const all = await outboxRows();
        return all.every((row) => row.publishedAt !== null) ? all : undefined;
      },
      { what: 'outbox rows marked published' },
    );
    expect(rows.filter((row) => row.code === 'FR').map((row) => row.id)).toEqual(messages.map(({ event }) => event.id));
  });

  it('keeps a change made while NATS is down and publishes it once NATS is back, logging it once', async () => {
    const logged = jest.spyOn(Logger.prototype, 'log');
    await nats.stop({ keepStore: true });
    await admin('/api/admin/bureaus/FR/reinstate');
    expect((await outboxRows()).at(-1)).toMatchObject({ type: 'bureau-reinstated', publishedAt: null });
    await nats.restart();
    const reinstated = await waitFor(
      async () => (await streamed()).find(({ event }) => event.type === 'bureau-reinstated'),
      {
        what: 'the reinstatement on the stream after NATS came back',
        timeoutMs: 75_000,
      },
    );
    expect(reinstated.event.code).toBe('FR');
    // One line, as soon as committed, however many publishes failed before NATS came back.
    const lines = logged.mock.calls.filter(([line]) => (line as { event?: string }).event === 'bureau.reinstated');
    expect(lines).toEqual([
      [
        {
          event: 'bureau.reinstated',
          id: reinstated.event.id,
          bureau: 'FR',
          version: expect.any(Number),
          status: 'active',
          revokedSerials: [],
        },
      ],
    ]);
    logged.mockRestore();
  });

  it('publishes on start what a previous run left unpublished, without duplicating what it had published', async () => {
    await app!.close();
    app = undefined;
    const dataSource = await secondConnection();
    const left = {
      id: '0b7f7a52-3c4e-4a8e-9a41-6d1f1b3e2c55',
      type: 'rules-changed',
      code: null,
      data: '{"version":7}',
      occurredAt: new Date().toISOString(),
      publishedAt: null,
    };
    await dataSource.manager.insert(RegistryEventEntity, left);
    await dataSource.destroy();

    await boot();
    const after = await waitFor(
      async () => {
        const all = await streamed();
        return all.some(({ event }) => event.id === left.id) ? all : undefined;
      },
      { what: 'the left-over event published on start' },
    );
    expect(after.find(({ event }) => event.id === left.id)!.event).toMatchObject({
      type: 'rules-changed',
      data: { version: 7 },
    });
    // The stream's duplicate window and the published marks: each event once.
    expect(new Set(after.map(({ event }) => event.id)).size).toBe(after.length);
  });
});

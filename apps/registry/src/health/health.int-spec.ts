import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrapService } from '@bureaunet/platform';
import { startNatsServer, throwawayPostgresUrl, waitFor, type RunningNatsServer } from '@bureaunet/testing';
import { JetStreamServer, NATS_CONNECTION } from '@bureaunet/transport';
import { caFilesIn } from '../pki/ca.repository';
import { RegistryModule } from '../registry.module';

jest.setTimeout(60_000);

const YEAR_MS = 366 * 24 * 3_600_000;

describe('registry liveness and readiness (real nats-server, real SQLite)', () => {
  let nats: RunningNatsServer;
  let dataDir: string;
  let app: INestApplication;
  let url: string;
  let clockOffsetMs = 0;
  const clock = { now: () => new Date(Date.now() + clockOffsetMs) };

  beforeAll(async () => {
    nats = await startNatsServer();
    dataDir = mkdtempSync(join(tmpdir(), 'bureaunet-registry-health-'));
    ({ app, url } = await bootstrapService({
      name: 'registry',
      module: RegistryModule.forRoot(
        {
          port: 0,
          dataDir,
          databaseUrl: await throwawayPostgresUrl('registry_health'),
          natsUrl: nats.url,
          adminToken: 'health-admin-token-0123456789',
          caFiles: caFilesIn(join(dataDir, 'no-certs-here')),
          heartbeatMs: 100,
          certValidityDays: 30,
        },
        { clock },
      ),
      port: 0,
      microservice: (nest) => new JetStreamServer({ connection: () => nest.get(NATS_CONNECTION), consumers: [] }),
    }));
  });

  afterAll(async () => {
    await app?.close();
    await nats?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  interface HealthBody {
    status: string;
    error?: Record<string, { ca?: { daysLeft: number } }>;
  }

  async function get(path: string): Promise<{ status: number; body: HealthBody }> {
    const response = await fetch(`${url}${path}`);
    return { status: response.status, body: (await response.json()) as HealthBody };
  }

  it('is live, and ready with every indicator up', async () => {
    expect(await get('/api/health/live')).toEqual({
      status: 200,
      body: { status: 'ok', info: {}, error: {}, details: {} },
    });
    const ready = await get('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      error: {},
      details: {
        broker: { status: 'up', connected: true },
        database: { status: 'up', writable: true },
        certificates: { status: 'up', ca: { daysLeft: expect.any(Number) } },
      },
    });
  });

  it('keeps /api/health as it was', async () => {
    expect(await get('/api/health')).toMatchObject({
      status: 200,
      body: { status: 'ok', service: 'registry', ca: { notAfter: expect.any(String) } },
    });
  });

  it('answers 503 naming the certificates once the CA has expired', async () => {
    clockOffsetMs = 20 * YEAR_MS;
    try {
      const ready = await get('/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({
        status: 'error',
        error: { certificates: { status: 'down', message: 'ca expired', ca: { daysLeft: expect.any(Number) } } },
        details: { broker: { status: 'up' }, database: { status: 'up' } },
      });
      expect(ready.body.error?.certificates?.ca?.daysLeft).toBeLessThan(0);
      expect(Object.keys(ready.body.error ?? {})).toEqual(['certificates']);
    } finally {
      clockOffsetMs = 0;
    }
  });

  it('answers 503 naming the broker while nats-server is down, and is ready again once it is back', async () => {
    await nats.stop({ keepStore: true });
    const down = await waitFor(
      async () => {
        const ready = await get('/api/health/ready');
        return ready.status === 503 ? ready : undefined;
      },
      { what: 'readiness to notice the broker is gone' },
    );
    expect(down.body).toMatchObject({
      status: 'error',
      error: { broker: { status: 'down', connected: false, message: expect.any(String) } },
      details: { database: { status: 'up' }, certificates: { status: 'up' } },
    });
    expect(Object.keys(down.body.error ?? {})).toEqual(['broker']);
    expect((await get('/api/health/live')).status).toBe(200);

    await nats.restart();
    await waitFor(async () => (await get('/api/health/ready')).status === 200, {
      what: 'readiness once the broker is back',
    });
  });
});

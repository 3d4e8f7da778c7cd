import { HealthIndicatorService } from '@nestjs/terminus';
import type { NatsConnection } from '@nats-io/transport-node';
import { DIRECTORY_HEARTBEAT_SUBJECT, DIRECTORY_LIST_SUBJECT } from '@bureaunet/contracts';
import type { BureauIdentity } from '@bureaunet/identity';
import { startNatsServer, waitFor, type RunningNatsServer } from '@bureaunet/testing';
import { BusClient, connectNats, drainConnection } from '@bureaunet/transport';
import { createTestCa } from '../../crypto/src/testing/test-pki.fixture';
import { createTestDirectorySigner } from '../../evidence/src/testing/directory-signer.fixture';
import { DirectoryFreshnessIndicator } from './directory-freshness.indicator';
import { DirectoryClient } from './directory.client';

const STALENESS_MS = 30_000;

describe('DirectoryFreshnessIndicator over a real nats-server, with a set clock', () => {
  let server: RunningNatsServer;
  let nc: NatsConnection;
  let directory: DirectoryClient;
  let indicator: DirectoryFreshnessIndicator;
  let now = new Date('2026-12-01T12:00:00.000Z');
  const clock = { now: () => now };

  beforeAll(async () => {
    server = await startNatsServer();
    nc = await connectNats({ servers: server.url, name: 'directory-freshness-int-spec' });
    // No look-up happens here: the identity is never read.
    directory = new DirectoryClient(new BusClient(nc), {} as BureauIdentity, { stalenessMs: STALENESS_MS }, clock);
    directory.onModuleInit();
    indicator = new DirectoryFreshnessIndicator(new HealthIndicatorService(), directory);
  });

  afterAll(async () => {
    directory.onModuleDestroy();
    await drainConnection(nc);
    await server?.stop();
  });

  it('is down before the registry was ever heard', () => {
    expect(indicator.check('directory')).toEqual({
      directory: {
        status: 'down',
        heardAt: null,
        silentForMs: null,
        stalenessMs: STALENESS_MS,
        expiresAt: null,
        message: 'the registry has not been heard from yet',
      },
    });
  });

  it('is up after a heartbeat, and down once the registry has been silent past the bound', async () => {
    const heartbeat = { version: 1, rulesVersion: 1, at: now.toISOString() };
    nc.publish(DIRECTORY_HEARTBEAT_SUBJECT, JSON.stringify(heartbeat));
    await waitFor(() => directory.freshness().heardAt !== null, { what: 'the heartbeat heard' });
    expect(indicator.check('directory')).toEqual({
      directory: {
        status: 'up',
        heardAt: '2026-12-01T12:00:00.000Z',
        silentForMs: 0,
        stalenessMs: STALENESS_MS,
        expiresAt: null,
      },
    });

    now = new Date(now.getTime() + STALENESS_MS + 1_000);
    expect(indicator.check('directory')).toEqual({
      directory: {
        status: 'down',
        heardAt: '2026-12-01T12:00:00.000Z',
        silentForMs: STALENESS_MS + 1_000,
        stalenessMs: STALENESS_MS,
        expiresAt: null,
        message: 'the registry has been silent for 31 s (limit 30 s)',
      },
    });
  });

  it('is down naming the expiry once the signed directory it holds has expired, refusing look-ups', async () => {
    const ca = await createTestCa();
    const signer = await createTestDirectorySigner(ca);
    const issuedAt = now;
    // A stand-in for the registry's listing: signed as XR under the CA the client trusts, in force 10 s.
    const listing = nc.subscribe(DIRECTORY_LIST_SUBJECT, {
      callback: (_error, msg) =>
        void signer
          .sign([], { version: 1, issuedAt, ttlMs: 10_000 })
          .then((data) => msg.respond(JSON.stringify({ ok: true, data }))),
    });
    const signed = new DirectoryClient(
      new BusClient(nc),
      { ca: ca.certificate } as BureauIdentity,
      { stalenessMs: STALENESS_MS },
      clock,
    );
    const signedIndicator = new DirectoryFreshnessIndicator(new HealthIndicatorService(), signed);
    try {
      expect(await signed.all()).toEqual([]);
      expect(signedIndicator.check('directory').directory).toMatchObject({
        status: 'up',
        expiresAt: new Date(issuedAt.getTime() + 10_000).toISOString(),
      });

      now = new Date(issuedAt.getTime() + 10_001);
      expect(signedIndicator.check('directory')).toEqual({
        directory: expect.objectContaining({ status: 'down', message: 'expired at 2026-12-01T12:00:41.000Z' }),
      });
      await expect(signed.all()).rejects.toMatchObject({
        code: 'directory-expired',
        message: 'the directory expired at 2026-12-01T12:00:41.000Z: the registry answered with it',
      });
    } finally {
      listing.unsubscribe();
    }
  });
});

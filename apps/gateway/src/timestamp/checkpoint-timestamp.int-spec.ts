import { createHash, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Test } from '@nestjs/testing';
import type { DataSource } from 'typeorm';
import type { BureauIdentity } from '@bureaunet/identity';
import { LEDGER_LOG_ENTITIES, LedgerLogAppender, LedgerLogReader } from '@bureaunet/ledger/storage';
import { SerialWriter, applyDurabilityPragmas, dataSourceOptions, openDataSource } from '@bureaunet/persistence';
import { DomainErrorFilter, RequestValidationPipe } from '@bureaunet/platform';
import { startLocalTsa, type LocalTsa, throwawayPostgresUrl } from '@bureaunet/testing';
import { verifyTimestampToken } from '@bureaunet/timestamp';
import type { BusClient } from '@bureaunet/transport';
import { formatCheckpoint } from '@bureaunet/witness';
import type { GatewayConfig } from '../gateway.config';
import { LedgerRecorder } from '../ledger/ledger.recorder';
import { CheckpointCosigner } from '../ledger/checkpoint/checkpoint-cosigner.service';
import { TreeHeadService } from '../ledger/tree-head.service';
import type { CheckpointTimestampConfig } from './checkpoint-timestamp.config';
import { CheckpointTimestampController } from './checkpoint-timestamp.controller';
import { CheckpointTimestampEntity } from './checkpoint-timestamp.entity';
import { CheckpointTimestampService } from './checkpoint-timestamp.service';

const ORIGIN = 'gateway.bureaunet.test/ledger';

describe('CheckpointTimestampService: RFC 3161 tokens over checkpoints from a local TSA (real SQLite)', () => {
  let dir: string;
  let dataSource: DataSource;
  let writer: SerialWriter;
  let treeHeads: TreeHeadService;
  let ledger: LedgerRecorder;
  let tsa: LocalTsa;
  let otherTsa: LocalTsa;
  let app: INestApplication;
  let url: string;
  let now = new Date('2026-12-02T04:00:00.000Z');
  const clock = { now: () => now };

  const serviceFor = (config: Partial<CheckpointTimestampConfig>): CheckpointTimestampService =>
    new CheckpointTimestampService(
      {
        url: tsa.url,
        caPem: tsa.caPem,
        origin: ORIGIN,
        timeoutMs: 5_000,
        attempts: 2,
        intervalMs: 3_600_000,
        maxLagMs: 60_000,
        ...config,
      },
      new LedgerLogReader(dataSource),
      writer,
      dataSource,
      clock,
      new SchedulerRegistry(),
    );

  async function appendAndSign(count: number) {
    const at = clock.now();
    await writer.transaction((manager) =>
      ledger.append(
        manager,
        Array.from({ length: count }, (_, i) => ({
          type: 'delivery' as const,
          at,
          envelopeId: `e-${i}`,
          data: { to: 'MR' },
        })),
      ),
    );
    return treeHeads.signIfGrown();
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-tsa-'));
    [tsa, otherTsa] = await Promise.all([startLocalTsa(), startLocalTsa()]);
    dataSource = await openDataSource(
      dataSourceOptions({
        database: join(dir, 'gateway.sqlite'),
        url: await throwawayPostgresUrl('gateway_tsa'),
        entities: [...LEDGER_LOG_ENTITIES, CheckpointTimestampEntity],
      }),
    );
    await applyDurabilityPragmas(dataSource);
    writer = new SerialWriter(dataSource);
    const identity = { signing: { ...generateKeyPairSync('ed25519'), kid: 'xg' } } as unknown as BureauIdentity;
    const bus = { emit: () => undefined } as unknown as BusClient;
    const config = { sthIntervalMs: 3_600_000, sthMaxEntries: 1_000 } as GatewayConfig;
    treeHeads = new TreeHeadService(
      writer,
      new LedgerLogReader(dataSource),
      bus,
      identity,
      config,
      clock,
      new SchedulerRegistry(),
      // No witnesses here: the time-stamps follow the signed heads on their own.
      { headSigned: () => undefined } as unknown as CheckpointCosigner,
      { holdsLedgerDuties: () => true },
    );
    ledger = new LedgerRecorder(new LedgerLogAppender(), treeHeads, writer, clock);

    const module = await Test.createTestingModule({
      controllers: [CheckpointTimestampController],
      providers: [{ provide: CheckpointTimestampService, useValue: serviceFor({}) }],
    }).compile();
    app = module.createNestApplication({ logger: false });
    app.useGlobalPipes(new RequestValidationPipe());
    app.useGlobalFilters(new DomainErrorFilter());
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await dataSource?.destroy();
    await Promise.all([tsa?.stop(), otherTsa?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('stamps the latest head over SHA-256 of its checkpoint text, keeps it once, and serves it', async () => {
    const head = await appendAndSign(3);
    const service = serviceFor({});
    const row = await service.stampLatest();
    const checkpoint = formatCheckpoint({
      origin: ORIGIN,
      treeSize: head.tree_size,
      rootHash: Buffer.from(head.sha256_root_hash, 'base64'),
      extensions: [],
    });
    expect(row).toMatchObject({ treeSize: 3, checkpoint });
    const verified = verifyTimestampToken(Buffer.from(row?.token ?? '', 'base64'), {
      trustedCa: tsa.caPem,
      sha256Digest: createHash('sha256').update(checkpoint, 'utf8').digest(),
    });
    expect(verified.genTime.getTime()).toBe(row?.genTime);

    const answered = tsa.answered;
    expect(await service.stampLatest()).toEqual(row);
    expect(tsa.answered).toBe(answered); // kept: the TSA is not asked again

    const response = await fetch(`${url}/api/ledger/timestamp?tree_size=3`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      tree_size: 3,
      checkpoint,
      token: row?.token,
      gen_time: verified.genTime.toISOString(),
      tsa_ca: tsa.caPem,
    });
    expect(new X509Certificate(tsa.caPem).ca).toBe(true);
  });

  it('answers 404 for a size without a token and 400 for a bad size', async () => {
    const missing = await fetch(`${url}/api/ledger/timestamp?tree_size=99`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'no-timestamp' });
    const bad = await fetch(`${url}/api/ledger/timestamp?tree_size=-1`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'invalid-request' });
  });

  it('keeps signing heads while the TSA is down, reports the lag, and catches up when it is back', async () => {
    const service = serviceFor({ timeoutMs: 1_000 });
    await tsa.suspend();
    const head = await appendAndSign(2);
    expect(head.tree_size).toBe(5);
    await expect(service.stampLatest()).rejects.toMatchObject({ code: 'tsa-unavailable' });
    // The ledger goes on: another head is signed while no token can be had.
    expect((await appendAndSign(1)).tree_size).toBe(6);
    service.headSigned();
    await service.onModuleDestroy(); // waits for the background round
    now = new Date(now.getTime() + 61_000);
    expect(await service.status()).toMatchObject({
      configured: true,
      latestHeadSize: 6,
      timestampedSize: 3,
      lagMs: 61_000,
      lagging: true,
      lastError: expect.stringMatching(/^no time-stamp for tree size 6 after 2 attempts: /) as unknown,
    });

    await tsa.resume();
    expect(await service.stampLatest()).toMatchObject({ treeSize: 6 });
    expect(await service.status()).toMatchObject({ timestampedSize: 6, lagMs: 0, lagging: false });
  });

  it('keeps nothing from a TSA whose certificate does not chain to TSA_CA_FILE', async () => {
    await appendAndSign(1);
    const service = serviceFor({ url: otherTsa.url, attempts: 1 });
    await expect(service.stampLatest()).rejects.toThrow(
      /^no time-stamp for tree size 7 after 1 attempts: the TSA certificate .* does not chain to the trusted TSA CA/,
    );
    expect(await dataSource.manager.findOneBy(CheckpointTimestampEntity, { treeSize: 7 })).toBeNull();
  });

  it('is off without TSA_URL: nothing is asked, health says not configured', async () => {
    const service = new CheckpointTimestampService(
      undefined,
      new LedgerLogReader(dataSource),
      writer,
      dataSource,
      clock,
      new SchedulerRegistry(),
    );
    service.onApplicationBootstrap();
    service.headSigned();
    expect(await service.status()).toEqual({ configured: false, lagMs: 0, lagging: false });
    await expect(service.token(3)).rejects.toMatchObject({ code: 'tsa-not-configured' });
  });
});

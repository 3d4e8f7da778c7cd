import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { DataSource } from 'typeorm';
import { SerialWriter, applyDurabilityPragmas, dataSourceOptions, openDataSource } from '@bureaunet/persistence';
import { throwawayPostgresUrl } from '@bureaunet/testing';
import type { GatewayConfig } from '../gateway.config';
import { checkTimeWindow } from './time-window.check';
import { ProcessedSubmissionEntity } from './processed-submission.entity';
import { PRUNE_BATCH, PRUNE_MAX_BATCHES, ProcessedSubmissionPruner } from './processed-submission.pruner';
import { ProcessedSubmissionRepository } from './processed-submission.repository';

const HOUR = 3_600_000;
const config = { maxEnvelopeAgeMs: 24 * HOUR, clockSkewMs: 120_000, replayPruneIntervalMs: 60_000 } as GatewayConfig;
const NOW = new Date('2026-12-01T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const row = (id: string, acceptedAt: string): ProcessedSubmissionEntity => ({
  envelopeId: id,
  digest: 'd'.repeat(43),
  sender: 'DK',
  deliveredTo: '["MR"]',
  report: 'r',
  acceptedAt,
});

describe('ProcessedSubmissionPruner on a real SQLite file', () => {
  let dir: string;
  let dataSource: DataSource;
  let pruner: ProcessedSubmissionPruner;
  let repository: ProcessedSubmissionRepository;
  const clock = { now: () => NOW };

  beforeAll(() => Logger.overrideLogger(['warn', 'error']));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-prune-'));
    dataSource = await openDataSource(
      dataSourceOptions({
        database: join(dir, 'gateway.sqlite'),
        url: await throwawayPostgresUrl('gateway_prune'),
        entities: [ProcessedSubmissionEntity],
      }),
    );
    await applyDurabilityPragmas(dataSource);
    const writer = new SerialWriter(dataSource);
    repository = new ProcessedSubmissionRepository(dataSource.getRepository(ProcessedSubmissionEntity));
    pruner = new ProcessedSubmissionPruner(repository, writer, clock, config, new SchedulerRegistry(), {
      holdsLedgerDuties: () => true,
    });
  });

  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const window = config.maxEnvelopeAgeMs + config.clockSkewMs;

  it('deletes the records past the window in batches, and keeps those inside it', async () => {
    const old = Array.from({ length: PRUNE_BATCH * 2 + 7 }, (_, i) => row(`old-${i}`, ago(window + 1 + i)));
    const recent = [row('edge', ago(window - 1)), row('fresh', ago(1_000))];
    await dataSource.getRepository(ProcessedSubmissionEntity).insert([...old, ...recent]);
    expect(await pruner.prune()).toBe(old.length);
    expect(
      (await dataSource.getRepository(ProcessedSubmissionEntity).find()).map((kept) => kept.envelopeId).sort(),
    ).toEqual(['edge', 'fresh']);
    expect(await pruner.prune()).toBe(0);
  });

  it('bounds one run to PRUNE_MAX_BATCHES batches; the next run takes the rest', async () => {
    const count = PRUNE_BATCH * PRUNE_MAX_BATCHES + 3;
    const rows = Array.from({ length: count }, (_, i) => row(`old-${i}`, ago(window + 1 + i)));
    for (let i = 0; i < rows.length; i += 500)
      await dataSource.getRepository(ProcessedSubmissionEntity).insert(rows.slice(i, i + 500));
    expect(await pruner.prune()).toBe(PRUNE_BATCH * PRUNE_MAX_BATCHES);
    expect(await pruner.prune()).toBe(3);
  });

  it('prunes only what the time window refuses anyway: a copy of a pruned envelope is stale', async () => {
    // The latest createdAt an envelope accepted at the cutoff can carry is the cutoff plus the skew.
    const acceptedAt = ago(window + 1);
    await dataSource.getRepository(ProcessedSubmissionEntity).insert(row('pruned', acceptedAt));
    expect(await pruner.prune()).toBe(1);
    expect(await repository.find('pruned')).toBeNull();
    const createdAt = new Date(Date.parse(acceptedAt) + config.clockSkewMs).toISOString();
    const refusal = checkTimeWindow({ createdAt, expiresAt: new Date(NOW.getTime() + HOUR).toISOString() }, NOW, {
      skewMs: config.clockSkewMs,
      maxAgeMs: config.maxEnvelopeAgeMs,
    });
    expect(refusal?.code).toBe('stale');
  });
});

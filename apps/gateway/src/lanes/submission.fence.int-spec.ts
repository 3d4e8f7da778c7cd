import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SerialWriter, dataSourceOptions, migrateSchema } from '@bureaunet/persistence';
import { throwawayPostgresUrl } from '@bureaunet/testing';
import { GATEWAY_MIGRATIONS } from '../migrations';
import { GATEWAY_POSTGRES_MIGRATIONS } from '../migrations/postgres';
import { SenderRateBucketEntity } from '../policy/sender-rate-bucket.entity';
import { GatewayLeaseEntity } from './gateway-lease.entity';
import { GatewayLeaseRepository } from './gateway-lease.repository';
import { LaneLeaseKeeper } from './lane-lease.keeper';
import { LeaseLostError } from './lease-lost.error';
import { SubmissionFence } from './submission.fence';

const TTL_MS = 10_000;

/**
 * Two gateways whose clocks disagree by more than the lease tolerates: the one behind still
 * trusts a lease the other has taken over. Its fenced commit must not happen.
 */
describe('SubmissionFence: a stale holder commits nothing', () => {
  let dir: string;
  let url: string | undefined;
  const open: DataSource[] = [];
  const leases = new GatewayLeaseRepository();
  const start = Date.parse('2026-12-02T10:00:00.000Z');

  beforeAll(() => Logger.overrideLogger(['error']));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-fence-'));
    url = await throwawayPostgresUrl('fence');
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((dataSource) => dataSource.destroy()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function gateway(holder: string, nowMs: () => number) {
    const dataSource = await new DataSource({
      ...dataSourceOptions({
        database: join(dir, 'gateway.sqlite'),
        url,
        entities: [GatewayLeaseEntity, SenderRateBucketEntity],
        migrations: GATEWAY_MIGRATIONS,
        postgresMigrations: GATEWAY_POSTGRES_MIGRATIONS,
      }),
      migrationsRun: false,
      name: `fence-${Math.random()}`,
    }).initialize();
    open.push(dataSource);
    await migrateSchema(dataSource, url ? GATEWAY_POSTGRES_MIGRATIONS : GATEWAY_MIGRATIONS);
    const writer = new SerialWriter(dataSource);
    const keeper = new LaneLeaseKeeper(
      leases,
      writer,
      { now: () => new Date(nowMs()) },
      { holder, partitions: 1, ttlMs: TTL_MS, skewMarginMs: 2_000 },
    );
    keeper.attach({ gained: () => Promise.resolve(), lost: () => Promise.resolve() });
    return { keeper, writer, fence: new SubmissionFence(keeper, leases), dataSource };
  }

  /** A submission's transaction: a write, then the fence, as SubmissionService.accept does. */
  const commit = (at: Awaited<ReturnType<typeof gateway>>, sender: string) =>
    at.writer.transaction(async (manager) => {
      await manager.insert(SenderRateBucketEntity, { sender, tokens: 1, updatedAt: 0 });
      await at.fence.hold(manager, sender);
    });

  it('commits while the lease holds, and after a takeover rolls back with LeaseLostError', async () => {
    const a = await gateway('a', () => start);
    await a.keeper.tick();
    await commit(a, 'DK');

    // b's clock is past a's lease: it takes the partition over while a, behind, still trusts it.
    const b = await gateway('b', () => start + TTL_MS);
    await b.keeper.tick();
    expect(b.keeper.leaseFor('FR')).toMatchObject({ epoch: 2 });
    expect(a.keeper.leaseFor('FR')).toMatchObject({ epoch: 1 });

    await expect(commit(a, 'FR')).rejects.toBeInstanceOf(LeaseLostError);
    await commit(b, 'MR');
    const kept = await b.dataSource.getRepository(SenderRateBucketEntity).find({ order: { sender: 'ASC' } });
    expect(kept.map((row) => row.sender)).toEqual(['DK', 'MR']);
  });

  it('refuses a sender whose partition this gateway does not hold at all', async () => {
    const a = await gateway('a', () => start);
    await expect(commit(a, 'DK')).rejects.toThrow('no longer holds the submission partition of DK');
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SerialWriter, dataSourceOptions, migrateSchema } from '@bureaunet/persistence';
import { throwawayPostgresUrl } from '@bureaunet/testing';
import { GATEWAY_MIGRATIONS } from '../migrations';
import { GATEWAY_POSTGRES_MIGRATIONS } from '../migrations/postgres';
import { GatewayLeaseEntity } from './gateway-lease.entity';
import { GatewayLeaseRepository, type HeldLease } from './gateway-lease.repository';
import { LaneLeaseKeeper, type LaneLeaseListener } from './lane-lease.keeper';

const TTL_MS = 10_000;
const PARTITIONS = 16;

/** A gateway's view of the leases: its own connection to the shared database, its own clock. */
interface Gateway {
  keeper: LaneLeaseKeeper;
  consumed: Set<number>;
  epochs: Map<number, number>;
  writer: SerialWriter;
}

describe('LaneLeaseKeeper: gateways sharing one database', () => {
  let dir: string;
  let url: string | undefined;
  let now: number;
  const clock = { now: () => new Date(now) };
  const open: DataSource[] = [];
  const leases = new GatewayLeaseRepository();

  beforeAll(() => Logger.overrideLogger(['error']));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-leases-'));
    url = await throwawayPostgresUrl('leases');
    now = Date.parse('2026-12-02T10:00:00.000Z');
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((dataSource) => dataSource.destroy()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function connect(): Promise<DataSource> {
    const dataSource = await new DataSource({
      ...dataSourceOptions({
        database: join(dir, 'gateway.sqlite'),
        url,
        entities: [GatewayLeaseEntity],
        migrations: GATEWAY_MIGRATIONS,
        postgresMigrations: GATEWAY_POSTGRES_MIGRATIONS,
      }),
      migrationsRun: false,
      name: `leases-${Math.random()}`,
    }).initialize();
    open.push(dataSource);
    await migrateSchema(dataSource, url ? GATEWAY_POSTGRES_MIGRATIONS : GATEWAY_MIGRATIONS);
    return dataSource;
  }

  async function gateway(holder: string): Promise<Gateway> {
    const writer = new SerialWriter(await connect());
    const consumed = new Set<number>();
    const epochs = new Map<number, number>();
    const listener: LaneLeaseListener = {
      gained: (partition, lease: HeldLease) => {
        consumed.add(partition);
        epochs.set(partition, lease.epoch);
        return Promise.resolve();
      },
      lost: (partition) => {
        consumed.delete(partition);
        return Promise.resolve();
      },
    };
    const options = { holder, partitions: PARTITIONS, ttlMs: TTL_MS, skewMarginMs: 2_000 };
    const keeper = new LaneLeaseKeeper(leases, writer, clock, options);
    keeper.attach(listener);
    return { keeper, consumed, epochs, writer };
  }

  it('a lone gateway takes every partition and the ledger duties', async () => {
    const a = await gateway('a');
    await a.keeper.tick();
    expect(a.keeper.heldPartitions()).toHaveLength(PARTITIONS);
    expect(a.consumed.size).toBe(PARTITIONS);
    expect(a.keeper.holdsLedgerDuties()).toBe(true);
    expect(a.keeper.leaseFor('DK')).toMatchObject({ epoch: 1 });
  });

  it('two gateways split 16 partitions 8/8, and one takes all 16 when the other stops renewing', async () => {
    const a = await gateway('a');
    const b = await gateway('b');
    await a.keeper.tick();
    await b.keeper.tick();
    // a sees b's presence and gives back beyond its share; b takes what was given back.
    now += 2_000;
    await a.keeper.tick();
    await b.keeper.tick();
    expect(a.keeper.heldPartitions()).toHaveLength(8);
    expect(b.keeper.heldPartitions()).toHaveLength(8);
    expect(new Set([...a.keeper.heldPartitions(), ...b.keeper.heldPartitions()]).size).toBe(PARTITIONS);
    expect([...a.consumed].sort((x, y) => x - y)).toEqual(a.keeper.heldPartitions());
    // Taken over, not made: each partition b got was a's before, one epoch on.
    expect([...b.epochs.values()].every((epoch) => epoch === 2)).toBe(true);
    expect([a.keeper.holdsLedgerDuties(), b.keeper.holdsLedgerDuties()]).toEqual([true, false]);

    // a stops renewing (killed): nothing of its leases is taken before they expire, all of them after.
    const bBefore = b.keeper.heldPartitions();
    now += TTL_MS - 1;
    await b.keeper.tick();
    expect(b.keeper.heldPartitions()).toEqual(bBefore);
    now += 1;
    await b.keeper.tick();
    expect(b.keeper.heldPartitions()).toHaveLength(PARTITIONS);
    expect(b.keeper.holdsLedgerDuties()).toBe(true);
  });

  it('a holder whose renewals stop reaching the database stops consuming before its leases can be taken', async () => {
    const a = await gateway('a');
    await a.keeper.tick();
    now += TTL_MS - 2_000;
    expect(a.keeper.leaseFor('DK')).toBeUndefined();
    expect(a.keeper.holdsLedgerDuties()).toBe(false);
    await a.writer.idle();
    // Its next tick drops them locally first (stop consuming), then takes them back afresh.
    const epochs = new Map(a.epochs);
    a.consumed.clear();
    now += 2_000;
    await a.keeper.tick();
    expect(a.consumed.size).toBe(PARTITIONS);
    expect([...a.epochs].every(([partition, epoch]) => epoch === (epochs.get(partition) ?? 0) + 1)).toBe(true);
  });

  it('renews within the TTL, so a second gateway takes nothing a live one holds', async () => {
    const a = await gateway('a');
    await a.keeper.tick();
    for (let round = 0; round < 5; round++) {
      now += 2_000;
      await a.keeper.tick();
    }
    const writer = new SerialWriter(await connect());
    const taken = await writer.transaction((manager) =>
      leases.acquire(manager, 'lane-0', 'c', new Date(now).toISOString(), new Date(now + TTL_MS).toISOString()),
    );
    expect(taken).toBeUndefined();
  });

  it('fences: after a takeover the old holder is no longer found to hold the lease', async () => {
    const writer = new SerialWriter(await connect());
    const at = (ms: number) => new Date(ms).toISOString();
    const old = await writer.transaction((manager) =>
      leases.acquire(manager, 'lane-3', 'a', at(now), at(now + TTL_MS)),
    );
    expect(old).toEqual({ name: 'lane-3', epoch: 1 });
    expect(await writer.transaction((manager) => leases.stillHeld(manager, old!, 'a'))).toBe(true);
    now += TTL_MS;
    const taken = await writer.transaction((manager) =>
      leases.acquire(manager, 'lane-3', 'b', at(now), at(now + TTL_MS)),
    );
    expect(taken).toEqual({ name: 'lane-3', epoch: 2 });
    expect(await writer.transaction((manager) => leases.stillHeld(manager, old!, 'a'))).toBe(false);
    // Nor can the old holder renew it back.
    expect(await writer.transaction((manager) => leases.renew(manager, old!, 'a', at(now + TTL_MS)))).toBe(false);
  });

  it('gives every lease back at shutdown, so the other gateway takes over without waiting for the TTL', async () => {
    const a = await gateway('a');
    const b = await gateway('b');
    await a.keeper.tick();
    await b.keeper.tick();
    await a.keeper.releaseAll();
    expect(a.consumed.size).toBe(0);
    await b.keeper.tick();
    // a's presence is still live for a while: b takes its fair share of two, then all once a is gone.
    expect(b.keeper.heldPartitions()).toHaveLength(8);
    expect(b.keeper.holdsLedgerDuties()).toBe(true);
    now += TTL_MS;
    await b.keeper.tick();
    expect(b.keeper.heldPartitions()).toHaveLength(PARTITIONS);
  });
});

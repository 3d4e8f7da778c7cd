import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import {
  SerialWriter,
  applyDurabilityPragmas,
  applySizeCeiling,
  sqliteDataSourceOptions,
} from '@bureaunet/persistence';
import { DatabaseWritableIndicator } from './database-writable.indicator';

@Entity('filler')
class FillerRow {
  @PrimaryColumn('integer')
  id!: number;

  @Column('text')
  text!: string;
}

const BOUNDS = { probeTimeoutMs: 2_000, maxConsumerPending: 10, minCertificateDays: 0, readyCacheMs: 0 };

describe('DatabaseWritableIndicator on a real SQLite file', () => {
  let dir: string;
  let dataSource: DataSource;
  let writer: SerialWriter;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-db-health-'));
    dataSource = await new DataSource(
      sqliteDataSourceOptions({ database: join(dir, 'db.sqlite'), entities: [FillerRow] }),
    ).initialize();
    await applyDurabilityPragmas(dataSource);
    writer = new SerialWriter(dataSource);
  });

  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const indicator = (bounds = BOUNDS) => new DatabaseWritableIndicator(new HealthIndicatorService(), writer, bounds);

  it('is up on a database that takes writes, and the probe leaves nothing behind', async () => {
    const tablesBefore: unknown = await dataSource.query(`SELECT name FROM sqlite_master ORDER BY name`);
    expect(await indicator().check('database')).toEqual({ database: { status: 'up', writable: true } });
    expect(await dataSource.query(`SELECT name FROM sqlite_master ORDER BY name`)).toEqual(tablesBefore);
  });

  it('is down, as storage-full, once the database is full to its ceiling', async () => {
    await applySizeCeiling(dataSource, 256 * 1024);
    for (let id = 0; ; id += 1) {
      try {
        await writer.transaction((manager) => manager.insert(FillerRow, { id, text: 'x'.repeat(4_000) }));
      } catch {
        break; // full: not one more page
      }
    }
    expect(await indicator().check('database')).toEqual({
      database: {
        status: 'down',
        writable: false,
        code: 'storage-full',
        message: expect.stringMatching(/^the database is full/),
      },
    });
  });

  it('is down when SQLite refuses writes (read-only)', async () => {
    await dataSource.query('PRAGMA query_only = ON');
    expect(await indicator().check('database')).toEqual({
      database: {
        status: 'down',
        writable: false,
        code: 'SQLITE_READONLY',
        message: expect.stringMatching(/readonly database/),
      },
    });
  });

  it('is down when the writer does not get to the probe within the bound', async () => {
    let release!: () => void;
    const held = writer.transaction(() => new Promise<void>((resolve) => (release = resolve)));
    try {
      expect(await indicator({ ...BOUNDS, probeTimeoutMs: 50 }).check('database')).toEqual({
        database: { status: 'down', writable: false, message: 'the write probe did not answer within 50 ms' },
      });
    } finally {
      release();
      await held;
    }
    expect(await indicator().check('database')).toMatchObject({ database: { status: 'up' } });
  });
});

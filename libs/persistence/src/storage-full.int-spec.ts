import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { DomainError } from '@bureaunet/contracts';
import { SerialWriter, applyDurabilityPragmas, applySizeCeiling } from './serial-writer';
import { sqliteDataSourceOptions } from './sqlite-options';

@Entity('blob_row')
class BlobRow {
  @PrimaryColumn('integer')
  id!: number;

  @Column('text')
  text!: string;
}

describe('a database at its size ceiling', () => {
  let dir: string;
  let dataSource: DataSource;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-full-'));
    dataSource = await new DataSource(
      sqliteDataSourceOptions({ database: join(dir, 'db.sqlite'), entities: [BlobRow] }),
    ).initialize();
    await applyDurabilityPragmas(dataSource);
    await applySizeCeiling(dataSource, 256 * 1024);
  });

  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses the write that does not fit as storage-full, keeps every row before it, and rolls the failing transaction back whole', async () => {
    const writer = new SerialWriter(dataSource);
    let stored = 0;
    let refusal: unknown;
    for (let id = 0; id < 1_000 && refusal === undefined; id += 1) {
      try {
        await writer.transaction(async (manager) => {
          await manager.insert(BlobRow, { id: id * 2, text: 'x'.repeat(4_000) });
          await manager.insert(BlobRow, { id: id * 2 + 1, text: 'y'.repeat(4_000) });
        });
        stored += 2;
      } catch (error) {
        refusal = error;
      }
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'storage-full', kind: 'unavailable' });
    expect(await dataSource.getRepository(BlobRow).count()).toBe(stored);
    expect(stored).toBeGreaterThan(0);
  });
});

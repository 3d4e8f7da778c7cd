import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { PreparedStatements } from './prepared-statements';
import { SerialWriter, applyDurabilityPragmas } from './serial-writer';
import { sqliteDataSourceOptions } from './sqlite-options';

@Entity('prepared_row')
class PreparedRow {
  @PrimaryColumn() id!: string;
  @Column() value!: number;
}

const INSERT = 'INSERT INTO prepared_row (id, value) VALUES (?, ?)';
const FIND = 'SELECT id, value FROM prepared_row WHERE id = ?';

describe('PreparedStatements on a real SQLite file', () => {
  let dir: string;
  let dataSource: DataSource;
  let writer: SerialWriter;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-prepared-'));
    dataSource = await new DataSource(
      sqliteDataSourceOptions({ database: join(dir, 'db.sqlite'), entities: [PreparedRow] }),
    ).initialize();
    await applyDurabilityPragmas(dataSource);
    writer = new SerialWriter(dataSource);
  });

  afterEach(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes inside a SerialWriter transaction: kept with its commit, gone with its rollback', async () => {
    await Promise.all([
      writer.transaction(async (manager) => {
        expect(await PreparedStatements.of(manager.connection).run(INSERT, ['kept', 1])).toBe(1);
      }),
      expect(
        writer.transaction(async (manager) => {
          await PreparedStatements.of(manager.connection).run(INSERT, ['rolled-back', 2]);
          throw new Error('the job fails after its insert');
        }),
      ).rejects.toThrow('the job fails after its insert'),
      expect(
        writer.transaction((manager) => PreparedStatements.of(manager.connection).run(INSERT, ['kept', 3])),
      ).rejects.toThrow(/UNIQUE constraint failed/),
    ]);
    const prepared = PreparedStatements.of(dataSource);
    expect(await prepared.one(FIND, ['kept'])).toEqual({ id: 'kept', value: 1 });
    expect(await prepared.one(FIND, ['rolled-back'])).toBeUndefined();
    expect(await dataSource.getRepository(PreparedRow).count()).toBe(1);
  });

  it('finalizes its statements when the DataSource is destroyed, so the connection closes', async () => {
    await PreparedStatements.of(dataSource).run(INSERT, ['one', 1]);
    await dataSource.destroy();
    expect(dataSource.isInitialized).toBe(false);
  });
});

import { startPostgres, type RunningPostgres } from '@bureaunet/testing';
import { Column, DataSource, Entity, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dataSourceOptions } from './database-options';
import { DeadLetterEntity } from './dead-letter.entity';
import { pendingSchemaChanges } from './schema-drift';
import { migrateSchema } from './schema.migrator';
import { SerialWriter } from './serial-writer';
import { SnapshotReader } from './snapshot-reader';
import { sqlStatements } from './sql-statements';

@Entity({ name: 'pg_row' })
class PgRow {
  @PrimaryColumn() id!: string;
  @Column('bigint') size!: number;
}

let migrationRuns = 0;
class CreateRow1796190000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    migrationRuns++;
    await runner.query('CREATE TABLE "pg_row" ("id" varchar PRIMARY KEY NOT NULL, "size" bigint NOT NULL)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE "pg_row"');
  }
}

describe('persistence on a real PostgreSQL server', () => {
  let server: RunningPostgres;
  let url: string;
  const open: DataSource[] = [];

  const connect = async () => {
    const dataSource = await new DataSource({
      ...dataSourceOptions({
        database: 'unused',
        url,
        entities: [PgRow],
        migrations: [],
        postgresMigrations: [CreateRow1796190000000],
      }),
      migrationsRun: false,
      name: `pg-${Math.random()}`,
    }).initialize();
    open.push(dataSource);
    return dataSource;
  };

  beforeAll(async () => {
    server = await startPostgres();
    url = await server.createDatabase('persistence');
  });
  afterAll(async () => {
    await Promise.all(open.map((dataSource) => dataSource.destroy()));
    await server.stop();
  });

  it('migrates once when two instances start at the same moment', async () => {
    const [first, second] = await Promise.all([connect(), connect()]);
    const applied = await Promise.all([
      migrateSchema(first, [CreateRow1796190000000]),
      migrateSchema(second, [CreateRow1796190000000]),
    ]);
    expect(applied.flat()).toEqual(['CreateRow1796190000000']);
    expect(migrationRuns).toBe(1);
  });

  it('commits a group of writes together and rolls back only the one that failed', async () => {
    const dataSource = await connect();
    const writer = new SerialWriter(dataSource);
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'a', 'c'].map((id) =>
        writer.transaction((manager) => manager.insert(PgRow, { id: `group-${id}`, size: 1 })),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((await dataSource.getRepository(PgRow).find()).map((row) => row.id).sort()).toEqual([
      'group-a',
      'group-b',
      'group-c',
    ]);
  });

  it('runs `?` statements in the transaction of the manager, counting the rows they change', async () => {
    const dataSource = await connect();
    const writer = new SerialWriter(dataSource);
    await expect(
      writer.transaction(async (manager) => {
        const statements = sqlStatements(manager);
        expect(
          await statements.run('INSERT INTO pg_row (id, size) VALUES (?, ?), (?, ?)', ['s1', 2 ** 40, 's2', 3]),
        ).toBe(2);
        expect(await statements.one<{ size: number }>('SELECT size FROM pg_row WHERE id = ?', ['s1'])).toEqual({
          size: 2 ** 40,
        });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await dataSource.getRepository(PgRow).findOneBy({ id: 's1' })).toBeNull();
  });

  it('reads a snapshot that a commit in between does not change', async () => {
    const dataSource = await connect();
    const writer = new SerialWriter(dataSource);
    await writer.transaction((manager) => manager.insert(PgRow, { id: 'snap-1', size: 1 }));
    const counts = await new SnapshotReader(dataSource).read(async (manager) => {
      const before = await manager.countBy(PgRow, {});
      await writer.transaction((other) => other.insert(PgRow, { id: 'snap-2', size: 1 }));
      return [before, await manager.countBy(PgRow, {})];
    });
    expect(counts[0]).toBe(counts[1]);
  });

  it("makes an entity's SQLite blob column a bytea, which the schema check then finds in place", async () => {
    const bytesUrl = await server.createDatabase('bytes');
    const dataSource = await new DataSource({
      ...dataSourceOptions({ database: 'unused', url: bytesUrl, entities: [DeadLetterEntity] }),
      name: `bytes-${Math.random()}`,
    }).initialize();
    open.push(dataSource);
    const [column] = await dataSource.query<{ data_type: string }[]>(
      `SELECT data_type FROM information_schema.columns WHERE table_name = 'dead_letter' AND column_name = 'raw'`,
    );
    expect(column).toEqual({ data_type: 'bytea' });
    expect((await pendingSchemaChanges([DeadLetterEntity], [], bytesUrl)).up).toEqual([]);
  });
});

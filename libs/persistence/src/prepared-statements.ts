import type { Database, Statement } from 'sqlite3';
import type { DataSource } from 'typeorm';

/** Statements kept per connection; bounded, as the SQL of a hot path is a handful of constant strings. */
const MAX_STATEMENTS = 64;

const byDataSource = new WeakMap<DataSource, PreparedStatements>();

/**
 * Hot-path SQL below TypeORM: each statement prepared once on the connection and reused, where
 * TypeORM's query builder would build, escape and prepare it again for every call (measured: its
 * query builder and node-sqlite3's per-call prepare were ~30 % of the gateway's CPU). TypeORM
 * keeps the schema and every cold path. The statements run on the DataSource's one connection, so
 * inside a SerialWriter transaction they are part of it. Finalized before the connection closes
 * (SQLite refuses to close a connection with statements still prepared).
 */
export class PreparedStatements {
  private readonly statements = new Map<string, Statement>();

  private constructor(private readonly database: Database) {}

  /** The statements of one SQLite DataSource (one set per connection). */
  static of(dataSource: DataSource): PreparedStatements {
    let prepared = byDataSource.get(dataSource);
    if (prepared) return prepared;
    if (dataSource.options.type !== 'sqlite')
      throw new Error(`prepared statements need a sqlite DataSource, not ${dataSource.options.type}`);
    const database = (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
    const created = new PreparedStatements(database);
    const destroy = dataSource.destroy.bind(dataSource);
    dataSource.destroy = async () => {
      await created.finalizeAll();
      byDataSource.delete(dataSource);
      return destroy();
    };
    byDataSource.set(dataSource, created);
    prepared = created;
    return prepared;
  }

  /** Every row of a query. Runs to the end, so no read stays open on the connection. */
  all<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    const statement = this.statement(sql);
    return new Promise((resolve, reject) =>
      statement.all(params, (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows))),
    );
  }

  /** The first row of a query, or undefined. */
  async one<T>(sql: string, params: readonly unknown[]): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** A statement that returns no rows (INSERT, UPDATE, DELETE); resolves with the rows it changed. */
  run(sql: string, params: readonly unknown[]): Promise<number> {
    const statement = this.statement(sql);
    return new Promise((resolve, reject) =>
      statement.run(params, function (this: { changes: number }, error: Error | null) {
        if (error) reject(error);
        else resolve(this.changes);
      }),
    );
  }

  private statement(sql: string): Statement {
    const known = this.statements.get(sql);
    if (known) return known;
    if (this.statements.size >= MAX_STATEMENTS)
      throw new Error(`more than ${MAX_STATEMENTS} prepared statements: keep PreparedStatements for constant SQL`);
    const statement = this.database.prepare(sql);
    this.statements.set(sql, statement);
    return statement;
  }

  private async finalizeAll(): Promise<void> {
    const statements = [...this.statements.values()];
    this.statements.clear();
    await Promise.all(
      statements.map((statement) => new Promise<void>((resolve) => statement.finalize(() => resolve()))),
    );
  }
}

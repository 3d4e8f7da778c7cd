import type { DataSource, EntityManager } from 'typeorm';
import { PreparedStatements } from './prepared-statements';

/** Constant hot-path SQL with `?` placeholders, run the cheapest way the database allows. */
export interface SqlStatements {
  all<T>(sql: string, params: readonly unknown[]): Promise<T[]>;
  one<T>(sql: string, params: readonly unknown[]): Promise<T | undefined>;
  /** A statement that returns no rows; resolves with the rows it changed. */
  run(sql: string, params: readonly unknown[]): Promise<number>;
}

/**
 * The statements for work on `manager`: on SQLite, prepared once on the connection's single
 * handle (PreparedStatements); on PostgreSQL, sent through the manager's own query runner, so
 * they belong to its transaction, with `?` rewritten to `$n`.
 */
export function sqlStatements(manager: EntityManager): SqlStatements {
  const connection: DataSource = manager.connection;
  if (connection.options.type === 'sqlite') return PreparedStatements.of(connection);
  return new ManagerStatements(manager);
}

class ManagerStatements implements SqlStatements {
  constructor(private readonly manager: EntityManager) {}

  async all<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    return this.manager.query<T[]>(numbered(sql), [...params]);
  }

  async one<T>(sql: string, params: readonly unknown[]): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async run(sql: string, params: readonly unknown[]): Promise<number> {
    const runner = this.manager.queryRunner ?? this.manager.connection.createQueryRunner();
    try {
      const result = await runner.query(numbered(sql), [...params], true);
      return (result as { affected?: number }).affected ?? 0;
    } finally {
      if (!this.manager.queryRunner) await runner.release();
    }
  }
}

const numberedCache = new Map<string, string>();
const NUMBERED_CACHE_SIZE = 256;

/** `?` placeholders as PostgreSQL's `$1, $2, …`; a `?` inside a quoted string or name is left as it is. */
export function numbered(sql: string): string {
  const known = numberedCache.get(sql);
  if (known !== undefined) return known;
  let out = '';
  let quote: string | undefined;
  let index = 0;
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = undefined;
      out += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      out += char;
    } else if (char === '?') {
      out += `$${++index}`;
    } else out += char;
  }
  if (numberedCache.size < NUMBERED_CACHE_SIZE) numberedCache.set(sql, out);
  return out;
}

import { numbered } from '@bureaunet/persistence';
import type { EntityManager } from 'typeorm';

/**
 * Plain SQL written once with `?` placeholders, as this store writes it below TypeORM, in the form
 * the manager's database takes: `$1, $2, …` on PostgreSQL. For statements whose length varies with
 * their rows (multi-row INSERTs, IN lists), which sqlStatements' bounded prepared set must not hold.
 */
export function dialectSql(manager: EntityManager, sql: string): string {
  return isPostgres(manager) ? numbered(sql) : sql;
}

/** Runs `sql` (`?` placeholders) on the manager: in its transaction when it has one. */
export function plainQuery<T = unknown>(
  manager: EntityManager,
  sql: string,
  parameters: readonly unknown[],
): Promise<T> {
  return manager.query<T>(dialectSql(manager, sql), [...parameters]);
}

export function isPostgres(manager: EntityManager): boolean {
  return manager.connection.options.type === 'postgres';
}

/**
 * SQLite's unary `+` on a column, which keeps its planner off that column's broad index when a
 * selective criterion narrows first; PostgreSQL plans by statistics and has no `+` on text.
 */
export function withoutIndex(manager: EntityManager): '+' | '' {
  return isPostgres(manager) ? '' : '+';
}

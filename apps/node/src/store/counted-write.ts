import type { EntityManager } from 'typeorm';
import { dialectSql } from './plain-sql';

/**
 * Runs one INSERT or UPDATE (plain SQL, below TypeORM's query builder) in the caller's transaction
 * and returns how many rows it changed: what an `ON CONFLICT DO NOTHING` or a guarded UPDATE says
 * instead of a read before the write. `manager.query` alone hides SQLite's change count.
 */
export async function countedWrite(
  manager: EntityManager,
  sql: string,
  parameters: readonly unknown[],
): Promise<number> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive)
    throw new Error('countedWrite runs inside a transaction (the manager of a SerialWriter transaction)');
  const result = await runner.query(dialectSql(manager, sql), [...parameters], true);
  return result.affected ?? 0;
}

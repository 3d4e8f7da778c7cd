import type { DataSource, EntityManager } from 'typeorm';
import { LogLeafEntity } from './log-leaf.entity';
import { LogNodeEntity } from './log-node.entity';
import { LogTreeStateEntity } from './log-tree-state.entity';

/** The tables the append path writes. */
type LogTable = typeof LogLeafEntity | typeof LogNodeEntity | typeof LogTreeStateEntity;

/**
 * The append path's SQL, written once per data source with the driver's own quoting and
 * placeholders (SQLite `?`, PostgreSQL `$n`), so the same statements run on both. Measured here:
 * TypeORM's query builder costs about twice a hand-built statement, and an append is only
 * three statements.
 */
export class AppendStatements {
  private static readonly byDataSource = new WeakMap<DataSource, AppendStatements>();
  private readonly inserts = new Map<string, string>();
  readonly swapState: string;

  private constructor(private readonly dataSource: DataSource) {
    const state = this.table(LogTreeStateEntity);
    const q = (name: string) => this.dataSource.driver.escape(name);
    const p = (index: number) => this.dataSource.driver.createParameter(`p${index}`, index);
    this.swapState =
      `UPDATE ${state} SET ${q('tree_size')} = ${p(0)}, ${q('root_hash')} = ${p(1)}, ${q('border')} = ${p(2)}, ${q('updated_at')} = ${p(3)} ` +
      `WHERE ${q('id')} = ${p(4)} AND ${q('tree_size')} = ${p(5)} AND ${q('root_hash')} = ${p(6)}`;
  }

  static of(manager: EntityManager): AppendStatements {
    const dataSource = manager.connection;
    let statements = AppendStatements.byDataSource.get(dataSource);
    if (!statements) {
      statements = new AppendStatements(dataSource);
      AppendStatements.byDataSource.set(dataSource, statements);
    }
    return statements;
  }

  static readonly LEAF_COLUMNS = ['leaf_index', 'leaf_input', 'leaf_hash', 'envelope_id', 'type', 'at'] as const;
  static readonly NODE_COLUMNS = ['level', 'node_index', 'hash'] as const;

  insertLeaves(rows: number): string {
    return this.insert(LogLeafEntity, AppendStatements.LEAF_COLUMNS, rows);
  }

  insertNodes(rows: number): string {
    return this.insert(LogNodeEntity, AppendStatements.NODE_COLUMNS, rows);
  }

  private insert(entity: LogTable, columns: readonly string[], rows: number): string {
    const key = `${entity.name}:${rows}`;
    let sql = this.inserts.get(key);
    if (!sql) {
      const driver = this.dataSource.driver;
      const tuples: string[] = [];
      for (let row = 0, index = 0; row < rows; row++) {
        tuples.push(`(${columns.map(() => driver.createParameter(`p${index}`, index++)).join(', ')})`);
      }
      sql = `INSERT INTO ${this.table(entity)} (${columns.map((column) => driver.escape(column)).join(', ')}) VALUES ${tuples.join(', ')}`;
      // Gateway batch sizes repeat; bulk loads use a few fixed chunk sizes.
      if (this.inserts.size < 256) this.inserts.set(key, sql);
    }
    return sql;
  }

  private table(entity: LogTable): string {
    return this.dataSource.driver.escape(this.dataSource.getMetadata(entity).tablePath);
  }
}

import { DataSource, type DataSourceOptions } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * A 64-bit integer column on both databases, for every count and index of log entries: `bigint`
 * on PostgreSQL (whose `integer` stops at 2^31), and still `integer` on SQLite, where it is 64-bit
 * already, so no table is rebuilt and an integer primary key stays the rowid.
 */
export const INT64 = 'int8';

/**
 * Initializes a data source for entities written for both databases: `INT64` as above, and byte
 * columns declared as SQLite's `blob` made PostgreSQL's `bytea` (TypeORM has no binary type
 * common to both).
 */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = new DataSource(options);
  const portable = new Map<unknown, string>(options.type === 'postgres' ? [['blob', 'bytea']] : [[INT64, 'integer']]);
  const driver = dataSource.driver;
  const normalize = driver.normalizeType.bind(driver);
  driver.normalizeType = (column) => portable.get((column as ColumnMetadata).type) ?? normalize(column);
  return dataSource.initialize();
}

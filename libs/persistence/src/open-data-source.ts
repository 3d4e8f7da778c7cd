import { DataSource, type DataSourceOptions } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * A 64-bit integer column on both databases, for every count and index of log entries: `bigint`
 * on PostgreSQL (whose `integer` stops at 2^31), and still `integer` on SQLite, where it is 64-bit
 * already, so no table is rebuilt and an integer primary key stays the rowid.
 */
export const INT64 = 'int8';

/**
 * Initializes a data source for entities written for both databases: on SQLite, `INT64` columns
 * are made `integer` (byte columns on PostgreSQL: postgres-bytes.ts).
 */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = new DataSource(options);
  if (options.type === 'postgres') return dataSource.initialize();
  const driver = dataSource.driver;
  const normalize = driver.normalizeType.bind(driver);
  driver.normalizeType = (column) => ((column as ColumnMetadata).type === INT64 ? 'integer' : normalize(column));
  return dataSource.initialize();
}

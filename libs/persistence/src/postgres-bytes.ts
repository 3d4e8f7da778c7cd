import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Entities declare bytes as SQLite's 'blob', which TypeORM's PostgreSQL driver rejects; there the
 * same column is a bytea (node-postgres reads it back as a Buffer, as sqlite3 does a blob). The
 * entities are shared by both dialects, so the type is mapped where the driver normalizes it:
 * validation, schema building and drift checks all go through normalizeType.
 */
const { prototype } = PostgresDriver;
const normalizeType: (this: PostgresDriver, column: Parameters<PostgresDriver['normalizeType']>[0]) => string =
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the driver as `this` below
  prototype.normalizeType;
prototype.normalizeType = function (
  this: PostgresDriver,
  column: Parameters<PostgresDriver['normalizeType']>[0],
): string {
  return column.type === 'blob' ? 'bytea' : normalizeType.call(this, column);
};

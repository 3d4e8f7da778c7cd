export * from './stateless';
// The storage half (reaches @bureaunet/persistence, so TypeORM and SQLite).
export * from './dead-letter.dto';
export * from './dead-letter.controller';
export * from './health/database-writable.indicator';
export * from './console/console-static.module';

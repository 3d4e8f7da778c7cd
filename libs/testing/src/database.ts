/*
 * The test helpers that open a service's database themselves (TypeORM, pg, sqlite3): a separate
 * entry, so the many suites that only start networks and call APIs do not load TypeORM.
 */
export * from './schema-upgrade.check';
export * from './service-database.query';

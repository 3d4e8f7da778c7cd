export * from './persistence.module';
export * from './serial-writer';
export * from './sqlite-options';
export * from './snapshot-reader';
export * from './migration-list';
export * from './schema-drift';
export * from './schema.migrator';
export * from './storage-full.error';

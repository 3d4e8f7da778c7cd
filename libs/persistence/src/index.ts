export * from './persistence.module';
export * from './serial-writer';
export * from './sqlite-options';
export * from './snapshot-reader';

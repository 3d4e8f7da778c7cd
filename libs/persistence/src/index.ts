export * from './persistence.module';
export * from './serial-writer';
export * from './sqlite-options';
export * from './snapshot-reader';
export * from './dead-letter.entity';
export * from './dead-letter.store';
export * from './dead-letter.desk';

export * from './directory.client';
export * from './directory.module';
export * from './directory-freshness.indicator';
export * from './directory-validity';

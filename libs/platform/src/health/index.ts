export * from './bounded-probe';
export * from './certificate-validity.indicator';
export * from './database-writable.indicator';
export * from './health-check.filter';
export * from './health.bounds';
export * from './readiness.logger';
export * from './readiness.check';

/*
 * The platform without its storage half: what a service that keeps no database needs (the
 * evaluator, and libs that must not drag TypeORM and SQLite into such a service). The database
 * indicator and the dead-letter routes reach @bureaunet/persistence; they are in index.ts only.
 */
export * from './clock';
export * from './env.reader';
export * from './domain-error.filter';
export * from './ready-line';
export * from './service.bootstrap';
export * from './shutdown.deadline';
export * from './auth';
export * from './nats-credentials';
export * from './http-body.limits';
export * from './private-data-dir';
export * from './ed25519-key.file';
export * from './secret-file.writer';
export * from './bounded-response.body';
export * from './query-integer.schema';
export * from './logging';
export * from './request-validation.pipe';
export * from './health/bounded-probe';
export * from './health/certificate-validity.indicator';
export * from './health/health-check.filter';
export * from './health/health.bounds';
export * from './health/readiness.logger';
export * from './health/readiness.check';

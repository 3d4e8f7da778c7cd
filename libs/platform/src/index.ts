export * from './clock';
export * from './env.reader';
export * from './domain-error.filter';
export * from './ready-line';
export * from './service.bootstrap';
export * from './auth';
export * from './nats-credentials';
export * from './dead-letter.dto';

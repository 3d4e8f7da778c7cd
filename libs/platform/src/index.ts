export * from './domain-error.filter';
export * from './ready-line';
export * from './service.bootstrap';

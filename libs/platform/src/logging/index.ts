export * from './log.options';
export * from './service-logger.params';

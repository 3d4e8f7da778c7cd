export * from './log-correlation';
export * from './log.options';
export * from './service-logger.params';

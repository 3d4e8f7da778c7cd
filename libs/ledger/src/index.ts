export * from './canonical-json';
export * from './log';
export * from './merkle';

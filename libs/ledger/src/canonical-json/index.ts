export * from './canonical-json';
export * from './canonical-json.errors';

export * from './ledger-entry';
export * from './ledger-log.errors';
export * from './signed-tree-head.json';
export * from './tree-head.signature';

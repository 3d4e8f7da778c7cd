// The ledger's edge: the log kept in SQLite through TypeORM. Apart from the pure entry
// (@bureaunet/ledger), so whoever verifies the log — the auditor — loads no storage at all.
export * from './log-leaf.entity';
export * from './log-node.entity';
export * from './log-tree-state.entity';
export * from './log.appender';
export * from './log.entities';
export * from './log.reader';
export * from './signed-tree-head.entity';
// For other Merkle logs kept in their own tables (the attributed activity log).
export * from './completed-subtrees';
export * from './stored-subtree.source';

// The pure entry: hashing, proofs, entry and tree-head formats, verification. It loads no storage,
// framework or bus (checked by .dependency-cruiser.cjs), so the auditor can trust it alone; the
// TypeORM log is the other entry, @bureaunet/ledger/storage.
export * from './canonical-json';
export * from './log';
export * from './merkle';

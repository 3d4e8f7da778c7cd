export * from './compact-range';
export * from './merkle.errors';
export * from './proof.builder';
export * from './proof.verifier';
export * from './rfc6962.hasher';
export * from './subtree-hash-source';

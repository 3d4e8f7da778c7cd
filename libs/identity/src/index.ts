export * from './bureau-identity';
export * from './identity.enroller';
export * from './identity.module';
export * from './identity.store';
export * from './signing-csr';

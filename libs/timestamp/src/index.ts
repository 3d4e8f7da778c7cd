// RFC 3161 trusted time: requests, responses and offline token verification. Pure: no framework,
// bus or storage (checked by .dependency-cruiser.cjs).
export * from './timestamp.errors';
export * from './timestamp.limits';
export * from './timestamp.request';
export * from './timestamp.response';
export * from './timestamp-token.verifier';

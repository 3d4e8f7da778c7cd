export * from './oprf.errors';
export * from './poprf';
export * from './poprf.reference';
export * from './poprf.sodium';
export * from './poprf.suite';
export * from './random-scalar';

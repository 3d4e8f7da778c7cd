/*
 * What starts, stops and watches a service from outside its process, without loading Nest or
 * TypeORM: the ready line, the shutdown deadline, key files. The test launchers import this entry,
 * so a test suite does not load the whole service it is about to spawn (~2,000 modules, seconds
 * of CPU per suite).
 */
export * from './ready-line';
export * from './bundle.start';
export * from './shutdown.deadline';
export * from './ed25519-key.file';

export * from './directory.client';
export * from './directory.module';

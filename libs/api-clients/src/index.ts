export * from './http.error';
export * from './node-api.client';
export * from './node-api.views';
export * from './registry-api.client';
export * from './trusting.fetch';
export type { paths as GatewayPaths, components as GatewayComponents } from './openapi/gateway.openapi';
export * from './people-api.client';

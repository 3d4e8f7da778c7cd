export * from './fault-figure';
export * from './free-port';
export * from './local-network';
export * from './nats-auth.config';
export * from './nats-server.binary';
export * from './nats-server.launcher';
export * from './repo-root';
export * from './service.process';
export * from './test-network';
export * from './wait-for';
export * from './schema-upgrade.check';
export * from './delivery-watch';
export * from './rogue-bureau';
export * from './http.caller';
export * from './local-tls';
// The typed API clients, where tests have always found them.
export * from '@bureaunet/api-clients';

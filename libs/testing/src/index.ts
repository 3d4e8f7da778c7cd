export * from './free-port';
export * from './nats-server.binary';
export * from './nats-server.launcher';

export * from './registry-event.entity';
export * from './registry-event.log-line';
export * from './registry-event.of-change';
export * from './registry-event.outbox';
export * from './registry-event.publisher';
export * from './registry-event.repository';

// The Nest/TypeORM half of the attributed activity log (the pure half is @bureaunet/activity).
export * from './activity-anchor.entity';
export * from './activity-log.appender';
export * from './activity-node.entity';
export * from './activity-row.entity';
export * from './activity-state.entity';
export * from './activity.controller';
export * from './activity.dto';
export * from './activity.entities';
export * from './activity.interceptor';
export * from './activity.log';
export * from './activity.module';
export * from './audited-request.reader';
// @Audited itself lives in @bureaunet/platform, beside @Roles and @Public.

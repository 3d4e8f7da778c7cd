// The pure half of the attributed activity log: entry form, export lines, the verifier. It loads no
// storage, framework or bus, so the auditor can trust it; the Nest/TypeORM half is
// @bureaunet/activity/server.
export * from './activity.errors';
export * from './activity-entry';
export * from './activity-export.line';
export * from './activity-anchor.head';
export * from './activity-log.verifier';

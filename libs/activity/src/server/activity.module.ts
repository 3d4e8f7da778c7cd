import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ActivityController } from './activity.controller';
import { ActivityInterceptor } from './activity.interceptor';
import { ActivityLog } from './activity.log';

/**
 * The attributed activity log of a service (node or registry): the log, the interceptor that
 * records every @Audited route, and its search/export API. The service registers ACTIVITY_ENTITIES
 * with its data source and migrations, and provides CLOCK.
 */
@Module({
  controllers: [ActivityController],
  providers: [ActivityLog, { provide: APP_INTERCEPTOR, useClass: ActivityInterceptor }],
  exports: [ActivityLog],
})
export class ActivityModule {}

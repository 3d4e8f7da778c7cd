import type { Provider } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ActivityInterceptor } from './activity.interceptor';
import { ActivityLog } from './activity.log';

/**
 * The attributed activity log of a service (node or registry): the log and the interceptor that
 * records every @Audited route. The service also lists ActivityController (search, export, head,
 * proofs), registers ACTIVITY_ENTITIES with its data source and migrations, and provides CLOCK.
 */
export const ACTIVITY_PROVIDERS: Provider[] = [
  ActivityLog,
  { provide: APP_INTERCEPTOR, useClass: ActivityInterceptor },
];

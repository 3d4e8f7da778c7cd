import type { ConsoleRoute } from '../shell/console-route';
import { inEveryLocale } from '../i18n/strings';
import { ActivityPage } from './activity.page';
import { ACTIVITY_STRINGS } from './activity.strings';

/** The attributed activity log, for the administrator of a node (a bureau's people) or of the registry. */
export const ACTIVITY_ROUTES: ConsoleRoute[] = [
  {
    path: '/activity',
    label: inEveryLocale(ACTIVITY_STRINGS, 'nav'),
    roles: ['admin'],
    services: ['node', 'registry'],
    page: ActivityPage,
  },
];

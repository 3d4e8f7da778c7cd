import { ACTIVITY_ROUTES } from './activity/activity.routes';
import { ADMIN_ROUTES } from './admin/admin.routes';
import { AUDITOR_ROUTES } from './auditor/auditor.routes';
import { BORDER_ROUTES } from './border/border.routes';
import { COORDINATOR_ROUTES } from './coordinator/coordinator.routes';
import { OFFICER_ROUTES } from './officer/officer.routes';
import { PEOPLE_ROUTES } from './people/people.routes';
import { REVIEWER_ROUTES } from './reviewer/reviewer.routes';
import type { ConsoleRoute } from './shell/console-route';

/** Every page of the consoles; the shell shows each person those their roles and this service admit. */
export const ALL_ROUTES: readonly ConsoleRoute[] = [
  ...OFFICER_ROUTES,
  ...BORDER_ROUTES,
  ...REVIEWER_ROUTES,
  ...COORDINATOR_ROUTES,
  ...AUDITOR_ROUTES,
  ...ADMIN_ROUTES,
  ...PEOPLE_ROUTES,
  ...ACTIVITY_ROUTES,
];

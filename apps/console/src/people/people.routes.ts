import type { Locale, Role } from '../api/session';
import type { ConsoleRoute } from '../shell/console-route';
import { MyAccountPage } from './my-account.page';
import { PeoplePage } from './people.page';
import { PEOPLE_STRINGS } from './people.strings';

const EVERY_ROLE: readonly Role[] = ['admin', 'auditor', 'officer', 'border-officer', 'coordinator', 'reviewer'];
const labelOf = (key: 'myAccount' | 'people') =>
  Object.fromEntries(Object.entries(PEOPLE_STRINGS).map(([locale, strings]) => [locale, strings[key]])) as Record<
    Locale,
    string
  >;

export const PEOPLE_ROUTES: ConsoleRoute[] = [
  {
    path: '/people',
    label: labelOf('people'),
    roles: ['admin'],
    services: ['node', 'registry', 'gateway'],
    page: PeoplePage,
  },
  {
    path: '/me',
    label: labelOf('myAccount'),
    roles: EVERY_ROLE,
    services: ['node', 'registry', 'gateway'],
    page: MyAccountPage,
  },
];

import type { ConsoleRoute } from '../shell/console-route';
import { ComposePage } from './compose.page';
import { DueRequestsPage } from './due-requests.page';
import { DUE_REQUESTS_STRINGS } from './due-requests.strings';
import { ConsentRequestsPage } from './consent-requests.page';
import { CONSENT_STRINGS } from './consent.strings';
import { inEveryLocale } from '../i18n/strings';
import { InboxPage } from './inbox.page';
import { MessagePage } from './message.page';
import { OperationsPage } from './operations.page';
import { SENDER_ROLES } from './officer.roles';
import { OFFICER_STRINGS } from './officer.strings';
import { SentPage } from './sent.page';
import './officer.css';

const label = (key: 'navInbox' | 'navSent' | 'navCompose' | 'navOperations') => ({
  en: OFFICER_STRINGS.en[key],
  fr: OFFICER_STRINGS.fr[key],
  es: OFFICER_STRINGS.es[key],
  ar: OFFICER_STRINGS.ar[key],
});

/** The NCB officer's pages at a node: inbox, a message, sent messages, compose (with reply and forward), operations. */
export const OFFICER_ROUTES: ConsoleRoute[] = [
  { path: '/inbox', label: label('navInbox'), roles: SENDER_ROLES, services: ['node'], page: InboxPage },
  { path: '/sent', label: label('navSent'), roles: SENDER_ROLES, services: ['node'], page: SentPage },
  {
    path: '/requests',
    label: inEveryLocale(DUE_REQUESTS_STRINGS, 'nav'),
    roles: ['officer', 'reviewer', 'admin'],
    services: ['node'],
    page: DueRequestsPage,
  },
  { path: '/compose', label: label('navCompose'), roles: SENDER_ROLES, services: ['node'], page: ComposePage },
  { path: '/compose/:mode/:id', roles: SENDER_ROLES, services: ['node'], page: ComposePage },
  { path: '/messages/:id', roles: SENDER_ROLES, services: ['node'], page: MessagePage },
  {
    path: '/consent',
    label: inEveryLocale(CONSENT_STRINGS, 'navConsent'),
    roles: ['officer', 'reviewer'],
    services: ['node'],
    page: ConsentRequestsPage,
  },
  {
    path: '/operations',
    label: label('navOperations'),
    roles: ['officer', 'coordinator', 'admin'],
    services: ['node'],
    page: OperationsPage,
  },
];

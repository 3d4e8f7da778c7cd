import { inEveryLocale } from '../i18n/strings';
import type { ConsoleRoute } from '../shell/console-route';
import { BORDER_STRINGS } from './border.strings';
import { DocumentCheckPage } from './document-check.page';
import { HitsPage } from './hits.page';
import { PersonCheckPage } from './person-check.page';

const label = (key: 'documentCheck' | 'personCheck' | 'hits') => inEveryLocale(BORDER_STRINGS, key);

/** The border officer's pages, at any node (a bureau's border posts check through their own node). */
export const BORDER_ROUTES: ConsoleRoute[] = [
  {
    path: '/border/document',
    label: label('documentCheck'),
    roles: ['border-officer'],
    services: ['node'],
    page: DocumentCheckPage,
  },
  {
    path: '/border/person',
    label: label('personCheck'),
    roles: ['border-officer'],
    services: ['node'],
    page: PersonCheckPage,
  },
  { path: '/border/hits', label: label('hits'), roles: ['border-officer'], services: ['node'], page: HitsPage },
];

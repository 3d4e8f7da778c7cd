import type { ConsoleRoute } from '../shell/console-route';
import { LedgerSearchPage } from './ledger-search.page';
import { TrailPage } from './trail.page';
import { TreeHeadsPage } from './tree-heads.page';

const who = { roles: ['auditor', 'admin'] as const, services: ['gateway'] as const };

export const AUDITOR_ROUTES: ConsoleRoute[] = [
  {
    path: '/ledger',
    label: { en: 'Ledger', fr: 'Registre', es: 'Registro', ar: 'السجل' },
    ...who,
    page: LedgerSearchPage,
  },
  {
    path: '/tree-heads',
    label: { en: 'Tree heads', fr: "Têtes d'arbre", es: 'Cabezas del árbol', ar: 'رؤوس الشجرة' },
    ...who,
    page: TreeHeadsPage,
  },
  { path: '/trail/:messageId', ...who, page: TrailPage },
];

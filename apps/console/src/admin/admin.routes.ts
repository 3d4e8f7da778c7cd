import type { ConsoleRoute } from '../shell/console-route';
import { BureausPage } from './bureaus.page';
import { CertificatesPage } from './certificates.page';
import { GroupsPage } from './groups.page';
import { OperationsPage } from './operations.page';
import { RulesVersionsPage } from './rules-versions.page';

const who = { roles: ['admin'] as const, services: ['registry'] as const };

export const ADMIN_ROUTES: ConsoleRoute[] = [
  {
    path: '/bureaus',
    label: { en: 'Bureaus', fr: 'Bureaux', es: 'Oficinas', ar: 'المكاتب' },
    ...who,
    page: BureausPage,
  },
  {
    path: '/certificates',
    label: { en: 'Certificates', fr: 'Certificats', es: 'Certificados', ar: 'الشهادات' },
    ...who,
    page: CertificatesPage,
  },
  {
    path: '/rules',
    label: { en: 'Rule sets', fr: 'Règles', es: 'Reglas', ar: 'القواعد' },
    ...who,
    page: RulesVersionsPage,
  },
  {
    path: '/groups',
    label: { en: 'Country groups', fr: 'Groupes de pays', es: 'Grupos de países', ar: 'مجموعات البلدان' },
    ...who,
    page: GroupsPage,
  },
  {
    path: '/operations',
    label: { en: 'Operations', fr: 'Opérations', es: 'Operaciones', ar: 'العمليات' },
    ...who,
    page: OperationsPage,
  },
];

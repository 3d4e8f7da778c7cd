import type { MigrationClass } from '@bureaunet/persistence';
import { Initial1796126210880 } from './1796126210880-initial';
import { CertificateOverlap1796129472759 } from './1796129472759-certificate-overlap';
import { Accounts1796156874036 } from './1796156874036-accounts';
import { ActivityLog1796157497367 } from './1796157497367-activity-log';
import { RulesAuthor1796158456996 } from './1796158456996-rules-author';
import { CountryGroups1796170930308 } from './1796170930308-country-groups';
import { StatusStatements1796183827374 } from './1796183827374-status-statements';

/** The registry's schema history, oldest first (written by `npm run migration`; never edit an applied one). */
export const REGISTRY_MIGRATIONS: readonly MigrationClass[] = [
  Initial1796126210880,
  CertificateOverlap1796129472759,
  Accounts1796156874036,
  ActivityLog1796157497367,
  RulesAuthor1796158456996,
  CountryGroups1796170930308,
  StatusStatements1796183827374,
];

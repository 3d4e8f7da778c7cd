import type { MigrationClass } from '@bureaunet/persistence';
import { Initial1796206845740 } from './1796206845740-initial';
import { LedgerBigint1796207440605 } from './1796207440605-ledger-bigint';

/** The registry's PostgreSQL schema history, oldest first (written by `npm run migration`; never edit an applied one). */
export const REGISTRY_POSTGRES_MIGRATIONS: readonly MigrationClass[] = [
  Initial1796206845740,
  LedgerBigint1796207440605,
];

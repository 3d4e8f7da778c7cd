import type { MigrationClass } from '@bureaunet/persistence';
import { Initial1796206850042 } from './1796206850042-initial';
import { LedgerBigint1796207445998 } from './1796207445998-ledger-bigint';

/** The witness's PostgreSQL schema history, oldest first (written by `npm run migration`; never edit an applied one). */
export const WITNESS_POSTGRES_MIGRATIONS: readonly MigrationClass[] = [Initial1796206850042, LedgerBigint1796207445998];

import type { MigrationClass } from '@bureaunet/persistence';
import { Initial1796207123427 } from './1796207123427-initial';
import { NoticeNameSearch1796207123428 } from './1796207123428-notice-name-search';
import { PersonSourceChange1796207123429 } from './1796207123429-person-source-change';
import { NoticeNumberCounter1796207920379 } from './1796207920379-notice-number-counter';
import { LedgerBigint1796210413952 } from './1796210413952-ledger-bigint';

/** The node's PostgreSQL schema history, oldest first (written by `npm run migration`; never edit an applied one). */
export const NODE_POSTGRES_MIGRATIONS: readonly MigrationClass[] = [
  Initial1796207123427,
  NoticeNameSearch1796207123428,
  PersonSourceChange1796207123429,
  NoticeNumberCounter1796207920379,
  LedgerBigint1796210413952,
];

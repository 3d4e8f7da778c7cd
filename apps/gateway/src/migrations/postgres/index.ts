import type { MigrationClass } from '@bureaunet/persistence';
import { Initial1796207029702 } from './1796207029702-initial';
import { LedgerBigint1796207431421 } from './1796207431421-ledger-bigint';
import { LaneLeases1796207937222 } from './1796207937222-lane-leases';

/** The gateway's PostgreSQL schema history, oldest first (written by `npm run migration`; never edit an applied one). */
export const GATEWAY_POSTGRES_MIGRATIONS: readonly MigrationClass[] = [
  Initial1796207029702,
  LedgerBigint1796207431421,
  LaneLeases1796207937222,
];

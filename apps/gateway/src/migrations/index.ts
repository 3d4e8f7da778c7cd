import type { MigrationClass } from '@bureaunet/persistence';
import { Initial1796126235187 } from './1796126235187-initial';
import { HostileBureau1796130631582 } from './1796130631582-hostile-bureau';
import { Accounts1796156880594 } from './1796156880594-accounts';
import { LedgerSearch1796156985899 } from './1796156985899-ledger-search';
import { ActivityAnchor1796157505939 } from './1796157505939-activity-anchor';
import { DataOwners1796170323932 } from './1796170323932-data-owners';
import { LedgerCheckpoint1796180000000 } from './1796180000000-ledger-checkpoint';
import { CheckpointTimestamp1796181000000 } from './1796181000000-checkpoint-timestamp';
import { LaneLeases1796207023909 } from './1796207023909-lane-leases';

/** The gateway's schema history, oldest first (written by `npm run migration`; never edit an applied one). */
export const GATEWAY_MIGRATIONS: readonly MigrationClass[] = [
  Initial1796126235187,
  HostileBureau1796130631582,
  Accounts1796156880594,
  LedgerSearch1796156985899,
  ActivityAnchor1796157505939,
  DataOwners1796170323932,
  LedgerCheckpoint1796180000000,
  CheckpointTimestamp1796181000000,
  LaneLeases1796207023909,
];

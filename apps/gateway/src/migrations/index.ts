import type { MigrationClass } from '@bureaunet/persistence';
import { Initial1796126235187 } from './1796126235187-initial';

/** The gateway's schema history, oldest first (written by `npm run migration`; never edit an applied one). */
export const GATEWAY_MIGRATIONS: readonly MigrationClass[] = [
  Initial1796126235187,
];

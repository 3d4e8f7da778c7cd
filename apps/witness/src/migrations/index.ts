import type { MigrationClass } from '@bureaunet/persistence';
import { Witness1796180000000 } from './1796180000000-witness';

/** The witness's schema history, oldest first (never edit an applied one). */
export const WITNESS_MIGRATIONS: readonly MigrationClass[] = [Witness1796180000000];

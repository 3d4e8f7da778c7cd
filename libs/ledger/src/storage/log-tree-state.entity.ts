import { Column, Entity, PrimaryColumn } from 'typeorm';
import { INT64 } from '@bureaunet/persistence';

/**
 * The append state, one row, updated in the transaction that adds the leaves: the tree size,
 * its root and the compact range (border hashes) to go on appending from after a restart.
 */
@Entity('ledger_tree_state')
export class LogTreeStateEntity {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'tree_size', type: INT64 })
  treeSize!: number;

  @Column({ name: 'root_hash', type: 'varchar', length: 64 })
  rootHash!: string;

  /** JSON array of the border hashes (hex), largest subtree first: CompactRangeJson.hashes. */
  @Column({ type: 'text' })
  border!: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt!: string;
}

export const TREE_STATE_ROW_ID = 1;

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { INT64 } from '@bureaunet/persistence';

/** The activity log's append state, one row, updated in the transaction that adds the entry. */
@Entity('activity_state')
export class ActivityStateEntity {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'tree_size', type: INT64 })
  treeSize!: number;

  @Column({ name: 'root_hash', type: 'varchar', length: 64 })
  rootHash!: string;

  /** JSON array of the compact range's border hashes (hex), largest subtree first. */
  @Column({ type: 'text' })
  border!: string;
}

export const ACTIVITY_STATE_ROW_ID = 1;

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { INT64 } from '@bureaunet/persistence';

/** The last activity log head the ledger recorded for each node: the next must extend it. */
@Entity('ledger_activity_anchor')
export class RecordedActivityAnchorEntity {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  code!: string;

  @Column({ name: 'tree_size', type: INT64 })
  treeSize!: number;

  /** base64, as in the ledger entry. */
  @Column({ name: 'root_hash', type: 'varchar', length: 44 })
  rootHash!: string;

  @Column({ name: 'leaf_index', type: INT64 })
  leafIndex!: number;
}

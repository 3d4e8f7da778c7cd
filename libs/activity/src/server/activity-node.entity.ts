import { Column, Entity, PrimaryColumn } from 'typeorm';
import { INT64 } from '@bureaunet/persistence';

/** Root of a completed perfect subtree of the activity log (levels 8 and up), as in the ledger. */
@Entity('activity_node')
export class ActivityNodeEntity {
  @PrimaryColumn({ type: 'integer' })
  level!: number;

  @PrimaryColumn({ name: 'node_index', type: INT64 })
  nodeIndex!: number;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}

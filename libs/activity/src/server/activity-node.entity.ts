import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Root of a completed perfect subtree of the activity log (levels 8 and up), as in the ledger. */
@Entity('activity_node')
export class ActivityNodeEntity {
  @PrimaryColumn({ type: 'integer' })
  level!: number;

  @PrimaryColumn({ name: 'node_index', type: 'integer' })
  nodeIndex!: number;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}

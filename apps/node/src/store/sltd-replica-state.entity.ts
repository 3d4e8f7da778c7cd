import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where this node's replica stands (one row, id 1): what it has applied and when it was last known complete. */
@Entity('sltd_replica_state')
export class SltdReplicaStateEntity {
  @PrimaryColumn('integer')
  id!: number;

  /** The last replica-stream sequence applied (0: none). */
  @Column('integer')
  appliedSequence!: number;

  /** When the replica last had nothing pending on its consumer: its answers are current as of then. */
  @Column('varchar', { nullable: true })
  currentAsOf!: string | null;

  /** Entries a check would report, kept by every apply (counting millions of rows would take seconds). */
  @Column('integer', { default: 0 })
  reportable!: number;

  /** `pending` until the databases service has placed this node's consumer after appliedSequence. */
  @Column('varchar')
  resync!: 'pending' | 'done';
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { INT64 } from '@bureaunet/persistence';

/** A head of this service's activity log that the gateway's ledger recorded, and where. */
@Entity('activity_anchor')
export class ActivityAnchorEntity {
  @PrimaryColumn({ name: 'tree_size', type: INT64 })
  treeSize!: number;

  @Column({ name: 'root_hash', type: 'varchar', length: 64 })
  rootHash!: string;

  /** The gateway ledger's leaf index of the activity-anchor entry; null where not known (registry). */
  @Column({ name: 'ledger_index', type: INT64, nullable: true })
  ledgerIndex!: number | null;

  @Column({ name: 'anchored_at', type: 'varchar', length: 30 })
  anchoredAt!: string;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { INT64 } from '@bureaunet/persistence';

/** The checkpoint note of one signed tree head: the gateway's signature and the witnesses' cosignatures. */
@Entity('ledger_cosigned_checkpoint')
export class CosignedCheckpointEntity {
  @PrimaryColumn({ name: 'tree_size', type: INT64 })
  treeSize!: number;

  /** C2SP signed note, verbatim as served. */
  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt!: string;
}

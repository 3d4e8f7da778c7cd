import { Column, Entity, PrimaryColumn } from 'typeorm';
import { INT64 } from '@bureaunet/persistence';

/** The latest checkpoint this witness cosigned for one log: all it must never forget. */
@Entity('witness_checkpoint')
export class WitnessCheckpointEntity {
  @PrimaryColumn({ type: 'varchar', length: 1024 })
  origin!: string;

  @Column({ name: 'tree_size', type: INT64 })
  treeSize!: number;

  /** Lowercase hex. */
  @Column({ name: 'root_hash', type: 'varchar', length: 64 })
  rootHash!: string;

  /** The note with the log's verified signatures and this witness's cosignature. */
  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'cosigned_at', type: 'varchar', length: 30 })
  cosignedAt!: string;
}

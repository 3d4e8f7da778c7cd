import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { INT64 } from '@bureaunet/persistence';

/**
 * One entry of the attributed activity log. `leafInput` is its canonical JSON, hashed as the leaf;
 * the other columns repeat what searches filter on. Never updated or deleted by the application.
 */
@Entity('activity_entry')
@Index('idx_activity_actor_seq', ['actor', 'leafIndex'])
@Index('idx_activity_action_seq', ['action', 'leafIndex'])
export class ActivityRowEntity {
  /** The entry's position in the log (seq), from 0. */
  @PrimaryColumn({ name: 'seq', type: INT64 })
  leafIndex!: number;

  @Column({ name: 'leaf_input', type: 'text' })
  leafInput!: string;

  @Column({ name: 'leaf_hash', type: 'varchar', length: 64 })
  leafHash!: string;

  @Index('idx_activity_at')
  @Column({ type: 'varchar', length: 30 })
  at!: string;

  @Column({ type: 'varchar', length: 80 })
  actor!: string;

  @Column({ type: 'varchar', length: 130 })
  action!: string;

  @Column({ type: 'varchar', length: 10 })
  outcome!: string;
}

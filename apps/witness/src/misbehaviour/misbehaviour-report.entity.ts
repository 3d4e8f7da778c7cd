import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A log's signed contradiction of what this witness cosigned: kept for whoever must act on it. */
@Entity('misbehaviour_report')
export class MisbehaviourReportEntity {
  /** SHA-256 (hex) of code, cosigned and presented: the same lie sent again is one report. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 1024 })
  origin!: string;

  /** `split-view` or `bad-consistency-proof`. */
  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'text' })
  reason!: string;

  /** The note this witness had cosigned. */
  @Column({ type: 'text' })
  cosigned!: string;

  /** The log-signed note that contradicts it. */
  @Column({ type: 'text' })
  presented!: string;

  @Column({ name: 'detected_at', type: 'varchar', length: 30 })
  detectedAt!: string;
}

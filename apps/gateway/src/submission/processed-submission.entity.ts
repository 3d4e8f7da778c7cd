import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An envelope the gateway accepted: its id is never accepted again (replay), and a second copy of
 * the same bytes is recognised and answered from here without a second effect. Pruned once the
 * time window refuses any copy anyway (ProcessedSubmissionPruner).
 */
@Entity('processed_submission')
export class ProcessedSubmissionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  envelopeId!: string;

  @Column({ type: 'varchar', length: 43 })
  digest!: string;

  @Column({ type: 'varchar', length: 2 })
  sender!: string;

  /** JSON array of the codes the envelope was delivered to. */
  @Column({ type: 'text' })
  deliveredTo!: string;

  /** The signed delivery report, as sent. */
  @Column({ type: 'text' })
  report!: string;

  @Index()
  @Column({ type: 'varchar', length: 30 })
  acceptedAt!: string;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What later envelopes inherit from an accepted one: its sender, kind and effective data-owner
 * restrictions (its own plus those of every envelope it replied to or forwarded). Written in the
 * transaction that records the envelope as processed.
 */
@Entity('envelope_lineage')
export class EnvelopeLineageEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  envelopeId!: string;

  @Column({ type: 'varchar', length: 2 })
  sender!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: string;

  /** JSON array of bureau codes, sorted. */
  @Column({ type: 'text' })
  restrictedTo!: string;

  @Column({ type: 'varchar', length: 30 })
  acceptedAt!: string;
}

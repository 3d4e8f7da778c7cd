import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What later envelopes inherit from an accepted one: its sender, kind and effective data-owner
 * restrictions (its own plus those of every envelope it replied to or forwarded), and what a
 * receipt or reply is checked against (digest, who got it). Written in the transaction that
 * records the envelope as processed, and kept after the replay record is pruned.
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

  @Column({ type: 'varchar', length: 43, default: '' })
  digest!: string;

  /** JSON array of the codes the envelope was delivered to. */
  @Column({ type: 'text', default: '[]' })
  deliveredTo!: string;

  @Column({ type: 'varchar', length: 30 })
  acceptedAt!: string;
}

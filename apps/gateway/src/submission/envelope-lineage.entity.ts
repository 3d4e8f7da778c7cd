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

  /** The effective handling code it carries on (0 = H0 … 3 = H3): its own or the strictest it passes on. */
  @Column({ type: 'integer', default: 0 })
  handlingLevel!: number;

  /** The envelope that declared that code, and its sender (the data owner); null for H0. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  handlingOrigin!: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  handlingOwner!: string | null;

  /** H3: JSON array of the allow-list intersected along the lineage; null when no list. */
  @Column({ type: 'text', nullable: true })
  handlingAllowTo!: string | null;

  /** H3: the earliest expiry along the lineage. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  handlingExpiresAt!: string | null;
}

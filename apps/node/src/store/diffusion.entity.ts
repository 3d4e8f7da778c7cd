import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DiffusionBody } from '@bureaunet/contracts';

/** A diffusion received here (on the hub: the compliance copy) or sent from here. */
@Entity('diffusion')
@Index(['state', 'receivedAt'])
@Index(['reviewState', 'receivedAt'])
export class DiffusionEntity {
  /** The diffusion envelope id. */
  @PrimaryColumn('varchar')
  id!: string;

  @Column('varchar')
  direction!: 'received' | 'sent';

  @Column('varchar', { name: 'sender' })
  from!: string;

  /** The envelope's addressees ("all" kept as ["all"]). */
  @Column('simple-json')
  recipients!: string[];

  @Column('simple-json')
  body!: DiffusionBody;

  @Column('varchar')
  state!: 'active' | 'withdrawn';

  @Column('varchar')
  receivedAt!: string;

  @Column('varchar', { nullable: true })
  withdrawnAt!: string | null;

  @Column('text', { nullable: true })
  withdrawReason!: string | null;

  /** The hub's review of a diffusion it received: pending until a reviewer finds it compliant or withdraws it; null elsewhere. */
  @Column('varchar', { nullable: true })
  reviewState!: DiffusionReviewState | null;

  /** Who decided the review: "person:<username>", or "role:<role>" for a machine client. */
  @Column('varchar', { nullable: true })
  reviewedBy!: string | null;

  @Column('varchar', { nullable: true })
  reviewedAt!: string | null;
}

export const DIFFUSION_REVIEW_STATES = ['pending', 'compliant', 'withdrawn'] as const;
export type DiffusionReviewState = (typeof DIFFUSION_REVIEW_STATES)[number];

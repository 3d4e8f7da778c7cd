import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A data owner's signed answer to a consent request, as the gateway applies it: for the lineage of
 * one handling origin, the grantee may pass the content on to `bureaus` until expiresAt (a grant of
 * onward sharing), or use it as evidence or for coercive action. Refusals are ledgered, not kept here.
 */
@Entity('consent_grant')
@Index('idx_consent_grant_origin', ['originId', 'grantee'])
export class ConsentGrantEntity {
  /** The consent-decision envelope that made it. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  decisionId!: string;

  /** The handling origin whose lineage it covers. */
  @Column({ type: 'varchar', length: 64 })
  originId!: string;

  /** The bureau that asked and was granted. */
  @Column({ type: 'varchar', length: 2 })
  grantee!: string;

  @Column({ type: 'varchar', length: 20 })
  purpose!: string;

  /** onward-sharing: JSON array of the bureaus it may go to; [] for the other purposes. */
  @Column({ type: 'text' })
  bureaus!: string;

  @Column({ type: 'varchar', length: 30 })
  expiresAt!: string;

  @Column({ type: 'varchar', length: 30 })
  grantedAt!: string;
}

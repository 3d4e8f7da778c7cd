import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { NoticeType } from '@bureaunet/contracts';

/** A published notice as this node holds it: received from the hub, or (on the hub) published here. */
@Entity('notice')
@Index(['type', 'state', 'expiry'])
export class NoticeEntity {
  /** Assigned by the hub on publication (A-<seq>/<year>). */
  @PrimaryColumn('varchar')
  number!: string;

  @Column('varchar')
  type!: NoticeType;

  @Column('varchar')
  owner!: string;

  /** active or cancelled; "lapsed" is computed at read time from expiry. */
  @Index()
  @Column('varchar')
  state!: 'active' | 'cancelled';

  @Column('varchar')
  familyName!: string;

  @Column('varchar')
  givenNames!: string;

  @Index()
  @Column('varchar', { nullable: true })
  dateOfBirth!: string | null;

  @Column('varchar', { nullable: true })
  nationality!: string | null;

  @Column('simple-json')
  documentNumbers!: string[];

  @Column('text')
  offence!: string;

  /** Review-by date (YYYY-MM-DD). */
  @Column('varchar')
  expiry!: string;

  @Column('integer')
  revision!: number;

  /** The envelope that published it (revision 1); updates and cancellations refer to it. */
  @Column('varchar')
  envelopeId!: string;

  @Column('simple-json')
  restrictedTo!: string[];

  /** On the hub: the bureaus the publication was addressed to (a cancellation reaches them all). */
  @Column('simple-json')
  recipients!: string[];

  @Column('varchar', { nullable: true })
  requestId!: string | null;

  @Column('varchar')
  publishedAt!: string;

  @Column('varchar')
  updatedAt!: string;

  @Column('varchar', { nullable: true })
  cancelledAt!: string | null;

  @Column('text', { nullable: true })
  cancelReason!: string | null;
}

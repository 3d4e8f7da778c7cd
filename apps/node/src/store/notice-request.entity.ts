import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { NoticeRequestBody } from '@bureaunet/contracts';

export type NoticeRequestState = 'pending' | 'approved' | 'refused';

/**
 * A notice request: on the hub, one received (the review queue); on a bureau, one it sent (its
 * state follows the hub's answer).
 */
@Entity('notice_request')
@Index(['direction', 'state', 'receivedAt'])
export class NoticeRequestEntity {
  /** The notice-request envelope id. */
  @PrimaryColumn('varchar')
  id!: string;

  @Column('varchar')
  direction!: 'received' | 'sent';

  /** The requesting bureau. */
  @Column('varchar')
  requester!: string;

  @Column('simple-json')
  body!: NoticeRequestBody;

  @Column('simple-json')
  restrictedTo!: string[];

  @Column('varchar')
  state!: NoticeRequestState;

  /** The notice published (or cancelled) when approved. */
  @Column('varchar', { nullable: true })
  noticeNumber!: string | null;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('varchar')
  receivedAt!: string;

  @Column('varchar', { nullable: true })
  decidedAt!: string | null;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { HitAnswer, HitNotificationBody, TravelDocumentStatus } from '@bureaunet/contracts';

export type HitDirection = 'sent' | 'received';
export type HitState = 'awaiting' | 'answered' | 'overdue';

/** The owner's answer as either end keeps it. */
export interface HitAnswerRecord {
  answer: HitAnswer;
  status?: TravelDocumentStatus;
  note?: string;
  /** When this node recorded it: sent (the owner's node) or received (the checker's). */
  answeredAt: string;
  /** The hit-confirmation envelope (none for a hit on this bureau's own record). */
  envelopeId: string | null;
  /** Recorded after answerBy: the checker had stopped waiting. */
  late: boolean;
}

/**
 * One hit procedure at one end: at the checking node the hit it sent (direction 'sent',
 * counterpart = the owner), at the owner's node the hit it received (counterpart = the checker).
 * A hit on this bureau's own record is one 'received' row whose counterpart is this bureau.
 */
@Entity('hit')
@Index(['direction', 'state', 'id'])
@Index(['state', 'answerBy'])
export class HitEntity {
  /** The hit-notification envelope id. */
  @PrimaryColumn('varchar')
  id!: string;

  @Column('varchar')
  direction!: HitDirection;

  @Column('varchar')
  checkId!: string;

  /** The owner (on a sent hit) or the checking bureau (on a received one). */
  @Column('varchar')
  counterpart!: string;

  /** What matched, as the notification carries it. */
  @Column('simple-json')
  hit!: HitNotificationBody['hit'];

  @Column('varchar')
  checkedAt!: string;

  @Column('varchar')
  place!: string;

  /** ISO instant (always toISOString's form, so that instants compare as strings). */
  @Column('varchar')
  answerBy!: string;

  /** As stored; a received hit past answerBy is shown overdue before the sweep marks it. */
  @Column('varchar')
  state!: HitState;

  @Column('simple-json', { nullable: true })
  answer!: HitAnswerRecord | null;

  @Column('varchar')
  createdAt!: string;
}

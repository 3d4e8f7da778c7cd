import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const TRACKED_REQUEST_KINDS = ['query', 'request'] as const;
export type TrackedRequestKind = (typeof TRACKED_REQUEST_KINDS)[number];

/** A query or request received here, tracked until this node answers it (its deadline is the sender's dueAt). */
@Entity('tracked_request')
@Index(['answeredAt', 'dueAt'])
@Index(['escalatedAt', 'dueAt'])
export class TrackedRequestEntity {
  /** The request's envelope id. */
  @PrimaryColumn('varchar')
  id!: string;

  @Column('varchar', { name: 'sender' })
  from!: string;

  @Column('varchar')
  kind!: TrackedRequestKind;

  @Column('varchar')
  priority!: 'routine' | 'urgent' | 'immediate';

  @Column('varchar')
  dueAt!: string;

  @Column('varchar')
  receivedAt!: string;

  /** When a reply (query-result, or a message with meta.replyTo naming it) left this node. */
  @Column('varchar', { nullable: true })
  answeredAt!: string | null;

  @Column('varchar', { nullable: true })
  answerId!: string | null;

  /** When the escalation sweep found it past due without an answer (once). */
  @Column('varchar', { nullable: true })
  escalatedAt!: string | null;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EnvelopeMeta, MessageKind, RecipientScope, Refusal } from '@bureaunet/contracts';

export type ReportStatus = 'accepted' | 'refused';

/** An envelope this node sealed, kept until (and after) the gateway's delivery report. */
@Entity('sent_message')
@Index(['publishedAt'])
@Index(['reportStatus'])
@Index(['nextCheckAt'])
export class SentMessageEntity {
  /** UUIDv7 made here: sorts by creation time. */
  @PrimaryColumn('varchar')
  id!: string;

  @Column('varchar')
  kind!: MessageKind;

  @Column('simple-json', { name: 'recipients' })
  to!: RecipientScope;

  @Column('simple-json')
  meta!: EnvelopeMeta;

  /** The serialized JWS exactly as published: what the recipient's receipt digest names. */
  @Column('blob')
  envelope!: Buffer;

  @Column('varchar')
  digest!: string;

  @Column('varchar')
  createdAt!: string;

  @Column('varchar')
  expiresAt!: string;

  /** When the submissions stream first confirmed it; null until then (the republisher's work list). */
  @Column('varchar', { nullable: true })
  publishedAt!: string | null;

  @Column('varchar', { nullable: true })
  reportStatus!: ReportStatus | null;

  @Column('simple-json', { nullable: true })
  reportRefusal!: Refusal | null;

  @Column('varchar', { nullable: true })
  reportedAt!: string | null;

  /** The gateway's signed report as received: evidence of what it decided. */
  @Column('blob', { nullable: true })
  report!: Buffer | null;

  /** Republishes so far (the first publish is not one); bounded by the node's republishMaxAttempts. */
  @Column('integer', { default: 0 })
  attempts!: number;

  /** When it was last handed to the bus: the deadlines run from here. */
  @Column('varchar', { nullable: true })
  lastAttemptAt!: string | null;

  /** When the republisher looks at it next; null once nothing more is awaited (settled or overdue). */
  @Column('varchar', { nullable: true })
  nextCheckAt!: string | null;

  /** Not before then: the gateway's retryAfterMs after a rate-limited refusal. */
  @Column('varchar', { nullable: true })
  retryAt!: string | null;

  /** Why it could not be sent or was sent again, last first: shown with the message and alerted on. */
  @Column('varchar', { nullable: true })
  lastError!: string | null;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EnvelopeMeta, MessageKind, RecipientScope, Refusal } from '@bureaunet/contracts';

export type ReportStatus = 'accepted' | 'refused';

/** An envelope this node sealed, kept until (and after) the gateway's delivery report. */
@Entity('sent_message')
@Index(['publishedAt'])
@Index(['reportStatus'])
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
}

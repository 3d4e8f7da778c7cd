import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EnvelopeMeta, MessageKind } from '@bureaunet/contracts';

/** An envelope from another bureau that verified end to end: messages and the receipts for ours. */
@Entity('received_message')
@Index(['receivedAt', 'id'])
export class ReceivedMessageEntity {
  /** The sender's envelope id: a second copy of it is recognised and has no second effect. */
  @PrimaryColumn('varchar')
  id!: string;

  @Column('varchar', { name: 'sender' })
  from!: string;

  @Column('varchar')
  kind!: MessageKind;

  @Column('simple-json')
  meta!: EnvelopeMeta;

  /** The decrypted body; null for a receipt, which has no content. */
  @Column('simple-json', { nullable: true })
  body!: unknown;

  /** The exact bytes received, signature included: evidence that the sender sent this. */
  @Column('blob')
  envelope!: Buffer;

  @Column('varchar')
  digest!: string;

  @Column('varchar')
  createdAt!: string;

  @Column('varchar')
  expiresAt!: string;

  @Column('varchar')
  receivedAt!: string;
}

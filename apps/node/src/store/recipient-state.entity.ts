import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Refusal } from '@bureaunet/contracts';
import type { RecipientState, RecipientStatus } from './recipient-state';

/** Where one addressee of a sent message stands: pending, delivered or refused by the gateway, receipted. */
@Entity('recipient_state')
export class RecipientStateEntity implements RecipientStatus {
  @PrimaryColumn('varchar')
  messageId!: string;

  @PrimaryColumn('varchar')
  code!: string;

  @Column('varchar')
  state!: RecipientState;

  @Column('simple-json', { nullable: true })
  refusal!: Refusal | null;

  @Column('varchar', { nullable: true })
  receiptedAt!: string | null;

  @Column('varchar', { nullable: true })
  receiptId!: string | null;

  @Column('varchar')
  updatedAt!: string;
}

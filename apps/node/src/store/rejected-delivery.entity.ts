import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A delivery that can never become valid (bad signature, not for us, undecryptable, a receipt that
 * names the wrong digest…): recorded with its bytes and acked, so it is neither lost nor retried.
 */
@Entity('rejected_delivery')
@Index(['receivedAt'])
@Index(['envelopeId', 'digest'])
export class RejectedDeliveryEntity {
  @PrimaryGeneratedColumn()
  seq!: number;

  /** The envelope (or report) id, when it could be read. */
  @Column('varchar', { nullable: true })
  envelopeId!: string | null;

  @Column('varchar', { name: 'sender', nullable: true })
  from!: string | null;

  /** A RefusalCode, 'bad-content' or 'bad-receipt'. */
  @Column('varchar')
  code!: string;

  @Column('text')
  message!: string;

  @Column('varchar', { nullable: true })
  digest!: string | null;

  @Column('varchar', { nullable: true })
  msgId!: string | null;

  @Column('blob')
  raw!: Buffer;

  @Column('varchar')
  receivedAt!: string;

  /** The signed rejection sent back to the sender (only for an envelope whose signature verified). */
  @Column('varchar', { nullable: true })
  rejectionId!: string | null;
}

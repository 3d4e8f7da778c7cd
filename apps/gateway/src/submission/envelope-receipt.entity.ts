import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The one receipt the gateway accepted from a recipient for an envelope. */
@Entity('envelope_receipt')
export class EnvelopeReceiptEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  envelopeId!: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  recipient!: string;

  @Column({ type: 'varchar', length: 64 })
  receiptId!: string;

  @Column({ type: 'varchar', length: 30 })
  acceptedAt!: string;
}

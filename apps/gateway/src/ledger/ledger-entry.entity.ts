import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One recorded event: metadata and digests only, never message content. Append-only; the
 * sequence number is the entry's position in the log.
 */
@Entity('ledger_entry')
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn()
  seq!: number;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  @Index()
  @Column({ type: 'varchar', length: 80, nullable: true })
  envelopeId!: string | null;

  @Column({ type: 'varchar', length: 30 })
  at!: string;

  /** JSON of the event's fields. */
  @Column({ type: 'text' })
  data!: string;
}

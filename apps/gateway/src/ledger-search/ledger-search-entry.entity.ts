import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { INT64 } from '@bureaunet/persistence';

/**
 * What an auditor searches the ledger by, one row per leaf: a projection of the signed entries
 * (never trusted as evidence — every result links to the entry and its proof). Filled behind the
 * signed tree head by LedgerSearchIndexer, so the ledger's append path stays as measured.
 */
@Entity('ledger_search_entry')
@Index('idx_ledger_search_sender', ['sender', 'leafIndex'])
@Index('idx_ledger_search_recipient', ['recipient', 'leafIndex'])
export class LedgerSearchEntryEntity {
  @PrimaryColumn({ name: 'leaf_index', type: INT64 })
  leafIndex!: number;

  @Index('idx_ledger_search_at')
  @Column({ type: 'varchar', length: 30 })
  at!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  /** accepted | refused | delivered | receipted | registry (see searchStatusOf). */
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  /** The message's kind, or the registry event's type. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  kind!: string | null;

  @Index('idx_ledger_search_envelope')
  @Column({ name: 'envelope_id', type: 'varchar', length: 80, nullable: true })
  envelopeId!: string | null;

  /** The message's sender (the registry event's bureau). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  sender!: string | null;

  /** The recipient this entry is about (delivery, refusal, receipt), if one. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  recipient!: string | null;
}

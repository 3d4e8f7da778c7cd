import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { INT64 } from '@bureaunet/persistence';

/**
 * One leaf of the log. `leafInput` is the canonical JSON entry: the hashed bytes are exactly its
 * UTF-8 encoding (canonical JSON has no lone surrogates, so text round-trips byte for byte), which
 * keeps the column portable between SQLite and PostgreSQL. Hashes are lowercase hex.
 */
@Entity('ledger_leaf')
export class LogLeafEntity {
  @PrimaryColumn({ name: 'leaf_index', type: INT64 })
  leafIndex!: number;

  @Column({ name: 'leaf_input', type: 'text' })
  leafInput!: string;

  @Index('idx_ledger_leaf_hash')
  @Column({ name: 'leaf_hash', type: 'varchar', length: 64 })
  leafHash!: string;

  @Index('idx_ledger_leaf_envelope')
  @Column({ name: 'envelope_id', type: 'varchar', length: 80, nullable: true })
  envelopeId!: string | null;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  @Column({ type: 'varchar', length: 30 })
  at!: string;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The hub evaluator's public key this node trusts (one row, id 1): pinned the first time the node
 * asked, and every later proof is checked against it. A different key is refused until an
 * administrator accepts it, so an evaluator (or a broker user posing as one) that swaps keys cannot
 * quietly answer under a key of its own.
 */
@Entity('evaluator_key')
export class EvaluatorKeyEntity {
  @PrimaryColumn('integer')
  id!: number;

  /** First 16 hex characters of SHA-256(publicKey), as the evaluator names it. */
  @Column('varchar')
  keyId!: string;

  /** The ristretto255 public key, base64url. */
  @Column('varchar')
  publicKey!: string;

  @Column('varchar')
  pinnedAt!: string;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { INT64 } from '@bureaunet/persistence';

const milliseconds = { to: (value: number) => value, from: (value: string | number) => Number(value) };

/** Every tree head the log signed. A size is signed once: a head is made only when the tree grew. */
@Entity('ledger_signed_tree_head')
export class SignedTreeHeadEntity {
  @PrimaryColumn({ name: 'tree_size', type: INT64 })
  treeSize!: number;

  /** Milliseconds since the epoch, as signed. */
  @Column({ type: 'bigint', transformer: milliseconds })
  timestamp!: number;

  @Column({ name: 'root_hash', type: 'varchar', length: 64 })
  rootHash!: string;

  /** Base64 of the DigitallySigned structure (see tree-head.signature.ts). */
  @Column({ name: 'tree_head_signature', type: 'text' })
  treeHeadSignature!: string;

  /** JOSE kid (certificate thumbprint) of the key that signed. */
  @Column({ name: 'key_id', type: 'varchar', length: 64 })
  keyId!: string;
}

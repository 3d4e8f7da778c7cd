import { Column, Entity, PrimaryColumn } from 'typeorm';
import { INT64 } from '@bureaunet/persistence';

/** An RFC 3161 token over the checkpoint note text of one signed tree head, verified when kept. */
@Entity('ledger_checkpoint_timestamp')
export class CheckpointTimestampEntity {
  @PrimaryColumn({ name: 'tree_size', type: INT64 })
  treeSize!: number;

  /** The exact note text whose SHA-256 the token's message imprint is. */
  @Column({ type: 'text' })
  checkpoint!: string;

  /** DER of the token (a CMS ContentInfo), base64. */
  @Column({ type: 'text' })
  token!: string;

  /** The TSA's time (TSTInfo genTime), ms since the epoch. */
  @Column({ name: 'gen_time', type: INT64 })
  genTime!: number;

  @Column({ name: 'tsa_serial', type: 'varchar', length: 64 })
  tsaSerial!: string;
}

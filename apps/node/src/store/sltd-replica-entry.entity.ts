import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One entry of this node's replica of the travel-document index (docs/checks.md): an opaque index
 * value, the public part and the sealed details, as the hub's databases service published them.
 * A withdrawn record keeps its row (status `withdrawn`, no blob) so an older copy cannot bring it back.
 */
@Entity('sltd_replica_entry')
export class SltdReplicaEntryEntity {
  @PrimaryColumn('varchar', { length: 2 })
  issuingCountry!: string;

  /** HKDF of the POPRF output, 64 lower-case hex characters. */
  @PrimaryColumn('varchar', { length: 64 })
  index!: string;

  @Column('integer')
  version!: number;

  /** A travel-document status, or `withdrawn`. */
  @Column('varchar', { length: 16 })
  status!: string;

  @Column('blob', { nullable: true })
  sealed!: Buffer | null;

  /** The replica stream's sequence that brought this version. */
  @Column('integer')
  sequence!: number;
}

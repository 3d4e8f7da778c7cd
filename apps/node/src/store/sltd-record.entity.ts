import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The hub's databases service: the authoritative travel-document index (docs/checks.md), one row
 * per entry as its issuer last sent it. The replica feed (BN_SLTD) is published from these rows; a
 * row whose current version is not on the stream yet has no publishedSequence.
 */
@Entity('sltd_record')
@Index(['publishedSequence'])
export class SltdRecordEntity {
  @PrimaryColumn('varchar', { length: 2 })
  issuingCountry!: string;

  /** HKDF of the POPRF output, 64 lower-case hex characters; never logged. */
  @PrimaryColumn('varchar', { length: 64 })
  index!: string;

  /** The issuer's version: a change replaces the row only at a higher one. */
  @Column('integer')
  version!: number;

  /** A travel-document status, or `withdrawn`. */
  @Column('varchar', { length: 16 })
  status!: string;

  /** The sealed details; null for a withdrawal. */
  @Column('blob', { nullable: true })
  sealed!: Buffer | null;

  /** The travel-document-record envelope that brought this version. */
  @Column('varchar')
  envelopeId!: string;

  @Column('varchar')
  receivedAt!: string;

  /** BN_SLTD's sequence of this version's message; null until the stream has acknowledged it. */
  @Column('integer', { nullable: true })
  publishedSequence!: number | null;
}

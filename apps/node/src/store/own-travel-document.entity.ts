import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TravelDocumentDetails, TravelDocumentStatus, TravelDocumentType } from '@bureaunet/contracts';

/**
 * A travel document this bureau issued and reported stolen, lost… (docs/checks.md): its own list,
 * in clear, because it is its own data. The hub gets only the sealed replica entry; this row is what
 * the next change is made from (its version is the one the entry was sealed at).
 */
@Entity('own_travel_document')
export class OwnTravelDocumentEntity {
  /** The canonical number (normaliseDocumentNumber). */
  @PrimaryColumn('varchar', { length: 23 })
  documentNumber!: string;

  @Column('varchar')
  documentType!: TravelDocumentType;

  @Column('varchar')
  status!: TravelDocumentStatus;

  @Column('varchar')
  reportedAt!: string;

  @Column('simple-json', { nullable: true })
  details!: TravelDocumentDetails | null;

  /** 1 on the first report, one more for every change or withdrawal. */
  @Column('integer')
  version!: number;

  /** Taken back (entered by mistake): the replica forgets it; reporting it again brings it back. */
  @Column('boolean')
  withdrawn!: boolean;

  @Column('varchar')
  updatedAt!: string;

  /** The travel-document-record envelope that carried the latest version to the hub. */
  @Column('varchar')
  lastEnvelopeId!: string;
}

import { Entity, Index, PrimaryColumn } from 'typeorm';

/** One document number of a notice subject (documentKey form). */
@Entity('notice_document')
@Index(['document', 'number'])
export class NoticeDocumentEntity {
  @PrimaryColumn('varchar')
  number!: string;

  @PrimaryColumn('varchar')
  document!: string;
}

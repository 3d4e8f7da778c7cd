import { Entity, Index, PrimaryColumn } from 'typeorm';

/** One word of a notice subject's name (searchKey form): prefix searches use the index. */
@Entity('notice_name_token')
@Index(['token', 'number'])
export class NoticeNameTokenEntity {
  @PrimaryColumn('varchar')
  number!: string;

  @PrimaryColumn('varchar')
  token!: string;
}

/** One document number of a notice subject (documentKey form). */
@Entity('notice_document')
@Index(['document', 'number'])
export class NoticeDocumentEntity {
  @PrimaryColumn('varchar')
  number!: string;

  @PrimaryColumn('varchar')
  document!: string;
}

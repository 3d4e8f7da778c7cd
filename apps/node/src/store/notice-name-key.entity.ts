import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A notice's integer key in the name search: the rowid of its row in the contentless FTS5 table
 * (notice-name.index.ts), which holds no number of its own, so a rename deletes that row by key.
 */
@Entity('notice_name_key')
export class NoticeNameKeyEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('varchar', { unique: true })
  number!: string;

  /**
   * The notice's publishedAt, copied here by NoticeRepository.put: a short prefix matches
   * thousands, and picking the newest page among these keys rather than among the notices took
   * "ro" (3,410 matches) from 10.5 to 3.3 ms at 100,000 notices (`npm run bench:search`).
   */
  @Column('varchar')
  publishedAt!: string;
}

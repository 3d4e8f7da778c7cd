import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The name search on PostgreSQL (SQLite's is an FTS5 table, NoticeNameSearch1796137651141): a
 * notice's key in notice_name_key and its name's folded words as lexemes, under a GIN index that
 * answers prefix queries. Not an entity: written by hand (notice-name.index.ts fills it).
 */
export class NoticeNameSearch1796207123428 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "notice_name" ("id" integer NOT NULL, "words" tsvector NOT NULL, CONSTRAINT "PK_notice_name" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_notice_name_words" ON "notice_name" USING GIN ("words")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "notice_name"');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hub's notice numbers come from a counter a year, taken in the publishing transaction
 * (notice-number.counter.ts). Seeded with the highest sequence of each year already held
 * (A-<sequence>/<year>), so no number is given twice.
 */
export class NoticeNumberCounter1796207920379 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "notice_number_counter" ("year" integer NOT NULL, "last" integer NOT NULL, CONSTRAINT "PK_5c898d7373fc6d60e08e823117a" PRIMARY KEY ("year"))',
    );
    await queryRunner.query(
      `INSERT INTO "notice_number_counter" ("year", "last") SELECT split_part("number", '/', 2)::integer, MAX(substr(split_part("number", '/', 1), 3)::integer) FROM "notice" WHERE "number" ~ '^A-[0-9]+/[0-9]+$' GROUP BY 1`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "notice_number_counter"');
  }
}

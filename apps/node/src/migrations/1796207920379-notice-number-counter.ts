import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hub's notice numbers come from a counter a year, taken in the publishing transaction,
 * instead of a count of the year's notices read before it. Seeded with the highest sequence of
 * each year already held (A-<sequence>/<year>), so no number is given twice.
 */
export class NoticeNumberCounter1796207920379 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "notice_number_counter" ("year" integer PRIMARY KEY NOT NULL, "last" integer NOT NULL)',
    );
    await queryRunner.query(
      `INSERT INTO "notice_number_counter" ("year", "last") SELECT CAST(substr("number", instr("number", '/') + 1) AS INTEGER), MAX(CAST(substr("number", 3, instr("number", '/') - 3) AS INTEGER)) FROM "notice" WHERE "number" GLOB 'A-[0-9]*/[0-9]*' GROUP BY 1`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "notice_number_counter"');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StatusStatements1796183827374 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "status_statement" ("seq" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "fingerprint" varchar(43) NOT NULL, "code" varchar(2) NOT NULL, "status" varchar(16) NOT NULL, "asOf" varchar(30) NOT NULL, "expiresAt" varchar(30) NOT NULL, "jws" text NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_2817ff35cae8d88b81464eda91" ON "status_statement" ("fingerprint", "seq") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_2817ff35cae8d88b81464eda91"');
    await queryRunner.query('DROP TABLE "status_statement"');
  }
}

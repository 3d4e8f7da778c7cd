import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HitProcedure1796145079708 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "hit" ("id" varchar PRIMARY KEY NOT NULL, "direction" varchar NOT NULL, "checkId" varchar NOT NULL, "counterpart" varchar NOT NULL, "hit" text NOT NULL, "checkedAt" varchar NOT NULL, "place" varchar NOT NULL, "answerBy" varchar NOT NULL, "state" varchar NOT NULL, "answer" text, "createdAt" varchar NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "IDX_c6c7399ab4a44670b967146367" ON "hit" ("state", "answerBy") ');
    await queryRunner.query('CREATE INDEX "IDX_45afe00937971a125fbc697bf2" ON "hit" ("direction", "state", "id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_45afe00937971a125fbc697bf2"');
    await queryRunner.query('DROP INDEX "IDX_c6c7399ab4a44670b967146367"');
    await queryRunner.query('DROP TABLE "hit"');
  }
}

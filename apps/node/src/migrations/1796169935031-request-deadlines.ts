import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestDeadlines1796169935031 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "tracked_request" ("id" varchar PRIMARY KEY NOT NULL, "sender" varchar NOT NULL, "kind" varchar NOT NULL, "priority" varchar NOT NULL, "dueAt" varchar NOT NULL, "receivedAt" varchar NOT NULL, "answeredAt" varchar, "answerId" varchar, "escalatedAt" varchar)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_e1405b59b3be4fbf09acca51fa" ON "tracked_request" ("escalatedAt", "dueAt") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_bb3c97cc39e1a559dcb46e9f2a" ON "tracked_request" ("answeredAt", "dueAt") ',
    );
    // Columns added in place: rebuilding the table would drop the person-source triggers on it.
    for (const column of ['reviewState', 'reviewedBy', 'reviewedAt'])
      await queryRunner.query(`ALTER TABLE "diffusion" ADD COLUMN "${column}" varchar`);
    await queryRunner.query(
      'CREATE INDEX "IDX_b0a7e30c1668bee2c6e794426f" ON "diffusion" ("reviewState", "receivedAt") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_b0a7e30c1668bee2c6e794426f"');
    for (const column of ['reviewedAt', 'reviewedBy', 'reviewState'])
      await queryRunner.query(`ALTER TABLE "diffusion" DROP COLUMN "${column}"`);
    await queryRunner.query('DROP INDEX "IDX_bb3c97cc39e1a559dcb46e9f2a"');
    await queryRunner.query('DROP INDEX "IDX_e1405b59b3be4fbf09acca51fa"');
    await queryRunner.query('DROP TABLE "tracked_request"');
  }
}

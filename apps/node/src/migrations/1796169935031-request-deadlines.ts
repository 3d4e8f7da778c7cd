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
    await queryRunner.query('DROP INDEX "IDX_f997ada461a32de6fdc1f331e1"');
    await queryRunner.query(
      'CREATE TABLE "temporary_diffusion" ("id" varchar PRIMARY KEY NOT NULL, "direction" varchar NOT NULL, "sender" varchar NOT NULL, "recipients" text NOT NULL, "body" text NOT NULL, "state" varchar NOT NULL, "receivedAt" varchar NOT NULL, "withdrawnAt" varchar, "withdrawReason" text, "reviewState" varchar, "reviewedBy" varchar, "reviewedAt" varchar)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_diffusion"("id", "direction", "sender", "recipients", "body", "state", "receivedAt", "withdrawnAt", "withdrawReason") SELECT "id", "direction", "sender", "recipients", "body", "state", "receivedAt", "withdrawnAt", "withdrawReason" FROM "diffusion"',
    );
    await queryRunner.query('DROP TABLE "diffusion"');
    await queryRunner.query('ALTER TABLE "temporary_diffusion" RENAME TO "diffusion"');
    await queryRunner.query('CREATE INDEX "IDX_f997ada461a32de6fdc1f331e1" ON "diffusion" ("state", "receivedAt") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_b0a7e30c1668bee2c6e794426f" ON "diffusion" ("reviewState", "receivedAt") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_b0a7e30c1668bee2c6e794426f"');
    await queryRunner.query('DROP INDEX "IDX_f997ada461a32de6fdc1f331e1"');
    await queryRunner.query('ALTER TABLE "diffusion" RENAME TO "temporary_diffusion"');
    await queryRunner.query(
      'CREATE TABLE "diffusion" ("id" varchar PRIMARY KEY NOT NULL, "direction" varchar NOT NULL, "sender" varchar NOT NULL, "recipients" text NOT NULL, "body" text NOT NULL, "state" varchar NOT NULL, "receivedAt" varchar NOT NULL, "withdrawnAt" varchar, "withdrawReason" text)',
    );
    await queryRunner.query(
      'INSERT INTO "diffusion"("id", "direction", "sender", "recipients", "body", "state", "receivedAt", "withdrawnAt", "withdrawReason") SELECT "id", "direction", "sender", "recipients", "body", "state", "receivedAt", "withdrawnAt", "withdrawReason" FROM "temporary_diffusion"',
    );
    await queryRunner.query('DROP TABLE "temporary_diffusion"');
    await queryRunner.query('CREATE INDEX "IDX_f997ada461a32de6fdc1f331e1" ON "diffusion" ("state", "receivedAt") ');
    await queryRunner.query('DROP INDEX "IDX_bb3c97cc39e1a559dcb46e9f2a"');
    await queryRunner.query('DROP INDEX "IDX_e1405b59b3be4fbf09acca51fa"');
    await queryRunner.query('DROP TABLE "tracked_request"');
  }
}

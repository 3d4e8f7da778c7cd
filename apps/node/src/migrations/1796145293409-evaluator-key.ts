import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EvaluatorKey1796145293409 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "evaluator_key" ("id" integer PRIMARY KEY NOT NULL, "keyId" varchar NOT NULL, "publicKey" varchar NOT NULL, "pinnedAt" varchar NOT NULL)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "evaluator_key"');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LedgerCheckpoint1796180000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "ledger_cosigned_checkpoint" ("tree_size" integer PRIMARY KEY NOT NULL, "note" text NOT NULL, "updated_at" varchar(30) NOT NULL)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "ledger_cosigned_checkpoint"');
  }
}

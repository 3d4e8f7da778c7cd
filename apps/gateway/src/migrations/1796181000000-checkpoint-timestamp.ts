import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CheckpointTimestamp1796181000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "ledger_checkpoint_timestamp" ("tree_size" integer PRIMARY KEY NOT NULL, "checkpoint" text NOT NULL, "token" text NOT NULL, "gen_time" integer NOT NULL, "tsa_serial" varchar(64) NOT NULL)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "ledger_checkpoint_timestamp"');
  }
}

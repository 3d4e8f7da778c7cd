import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Witness1796180000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "witness_checkpoint" ("origin" varchar(1024) PRIMARY KEY NOT NULL, "tree_size" integer NOT NULL, "root_hash" varchar(64) NOT NULL, "note" text NOT NULL, "cosigned_at" varchar(30) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "misbehaviour_report" ("id" varchar(64) PRIMARY KEY NOT NULL, "origin" varchar(1024) NOT NULL, "code" varchar(40) NOT NULL, "reason" text NOT NULL, "cosigned" text NOT NULL, "presented" text NOT NULL, "detected_at" varchar(30) NOT NULL)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "misbehaviour_report"');
    await queryRunner.query('DROP TABLE "witness_checkpoint"');
  }
}

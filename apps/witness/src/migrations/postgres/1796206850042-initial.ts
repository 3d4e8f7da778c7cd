import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1796206850042 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "misbehaviour_report" ("id" character varying(64) NOT NULL, "origin" character varying(1024) NOT NULL, "code" character varying(40) NOT NULL, "reason" text NOT NULL, "cosigned" text NOT NULL, "presented" text NOT NULL, "detected_at" character varying(30) NOT NULL, CONSTRAINT "PK_56bbcce9f28268ede0725f7d625" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "witness_checkpoint" ("origin" character varying(1024) NOT NULL, "tree_size" integer NOT NULL, "root_hash" character varying(64) NOT NULL, "note" text NOT NULL, "cosigned_at" character varying(30) NOT NULL, CONSTRAINT "PK_daf7f2513113698d0247bbde96e" PRIMARY KEY ("origin"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "witness_checkpoint"');
    await queryRunner.query('DROP TABLE "misbehaviour_report"');
  }
}

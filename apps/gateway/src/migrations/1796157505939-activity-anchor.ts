import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ActivityAnchor1796157505939 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "ledger_activity_anchor" ("code" varchar(8) PRIMARY KEY NOT NULL, "tree_size" integer NOT NULL, "root_hash" varchar(44) NOT NULL, "leaf_index" integer NOT NULL)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "ledger_activity_anchor"');
  }
}

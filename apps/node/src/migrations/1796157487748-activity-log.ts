import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ActivityLog1796157487748 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "activity_anchor" ("tree_size" integer PRIMARY KEY NOT NULL, "root_hash" varchar(64) NOT NULL, "ledger_index" integer, "anchored_at" varchar(30) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "activity_node" ("level" integer NOT NULL, "node_index" integer NOT NULL, "hash" varchar(64) NOT NULL, PRIMARY KEY ("level", "node_index"))',
    );
    await queryRunner.query(
      'CREATE TABLE "activity_entry" ("seq" integer PRIMARY KEY NOT NULL, "leaf_input" text NOT NULL, "leaf_hash" varchar(64) NOT NULL, "at" varchar(30) NOT NULL, "actor" varchar(80) NOT NULL, "action" varchar(130) NOT NULL, "outcome" varchar(10) NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "idx_activity_at" ON "activity_entry" ("at") ');
    await queryRunner.query('CREATE INDEX "idx_activity_action_seq" ON "activity_entry" ("action", "seq") ');
    await queryRunner.query('CREATE INDEX "idx_activity_actor_seq" ON "activity_entry" ("actor", "seq") ');
    await queryRunner.query(
      'CREATE TABLE "activity_state" ("id" integer PRIMARY KEY NOT NULL, "tree_size" integer NOT NULL, "root_hash" varchar(64) NOT NULL, "border" text NOT NULL)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "activity_state"');
    await queryRunner.query('DROP INDEX "idx_activity_actor_seq"');
    await queryRunner.query('DROP INDEX "idx_activity_action_seq"');
    await queryRunner.query('DROP INDEX "idx_activity_at"');
    await queryRunner.query('DROP TABLE "activity_entry"');
    await queryRunner.query('DROP TABLE "activity_node"');
    await queryRunner.query('DROP TABLE "activity_anchor"');
  }
}

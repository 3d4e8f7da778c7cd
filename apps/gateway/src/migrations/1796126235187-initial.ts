import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1796126235187 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "ledger_leaf" ("leaf_index" integer PRIMARY KEY NOT NULL, "leaf_input" text NOT NULL, "leaf_hash" varchar(64) NOT NULL, "envelope_id" varchar(80), "type" varchar(40) NOT NULL, "at" varchar(30) NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "idx_ledger_leaf_hash" ON "ledger_leaf" ("leaf_hash") ');
    await queryRunner.query('CREATE INDEX "idx_ledger_leaf_envelope" ON "ledger_leaf" ("envelope_id") ');
    await queryRunner.query(
      'CREATE TABLE "ledger_node" ("level" integer NOT NULL, "node_index" integer NOT NULL, "hash" varchar(64) NOT NULL, PRIMARY KEY ("level", "node_index"))',
    );
    await queryRunner.query(
      'CREATE TABLE "ledger_tree_state" ("id" integer PRIMARY KEY NOT NULL, "tree_size" integer NOT NULL, "root_hash" varchar(64) NOT NULL, "border" text NOT NULL, "updated_at" varchar(30) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "ledger_signed_tree_head" ("tree_size" integer PRIMARY KEY NOT NULL, "timestamp" bigint NOT NULL, "root_hash" varchar(64) NOT NULL, "tree_head_signature" text NOT NULL, "key_id" varchar(64) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "ledger_registry_event" ("event_id" varchar(36) PRIMARY KEY NOT NULL, "leaf_index" integer NOT NULL, "recorded_at" varchar(30) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "envelope_lineage" ("envelopeId" varchar(64) PRIMARY KEY NOT NULL, "sender" varchar(2) NOT NULL, "kind" varchar(20) NOT NULL, "restrictedTo" text NOT NULL, "acceptedAt" varchar(30) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "processed_submission" ("envelopeId" varchar(64) PRIMARY KEY NOT NULL, "digest" varchar(43) NOT NULL, "sender" varchar(2) NOT NULL, "deliveredTo" text NOT NULL, "report" text NOT NULL, "acceptedAt" varchar(30) NOT NULL)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "processed_submission"');
    await queryRunner.query('DROP TABLE "envelope_lineage"');
    await queryRunner.query('DROP TABLE "ledger_registry_event"');
    await queryRunner.query('DROP TABLE "ledger_signed_tree_head"');
    await queryRunner.query('DROP TABLE "ledger_tree_state"');
    await queryRunner.query('DROP TABLE "ledger_node"');
    await queryRunner.query('DROP INDEX "idx_ledger_leaf_envelope"');
    await queryRunner.query('DROP INDEX "idx_ledger_leaf_hash"');
    await queryRunner.query('DROP TABLE "ledger_leaf"');
  }
}

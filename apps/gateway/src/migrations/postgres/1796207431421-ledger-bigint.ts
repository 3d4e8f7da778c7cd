import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every count and index of log entries becomes bigint, in place: PostgreSQL's integer stops at
 * 2^31. ALTER COLUMN … TYPE keeps the rows, keys and indexes (TypeORM proposed drop and re-add).
 */
export class LedgerBigint1796207431421 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "dead_letter" ALTER COLUMN "streamSequence" TYPE bigint');
    await queryRunner.query('ALTER TABLE "ledger_leaf" ALTER COLUMN "leaf_index" TYPE bigint');
    await queryRunner.query('ALTER TABLE "ledger_node" ALTER COLUMN "node_index" TYPE bigint');
    await queryRunner.query('ALTER TABLE "ledger_tree_state" ALTER COLUMN "tree_size" TYPE bigint');
    await queryRunner.query('ALTER TABLE "ledger_signed_tree_head" ALTER COLUMN "tree_size" TYPE bigint');
    await queryRunner.query('ALTER TABLE "ledger_cosigned_checkpoint" ALTER COLUMN "tree_size" TYPE bigint');
    await queryRunner.query('ALTER TABLE "ledger_registry_event" ALTER COLUMN "leaf_index" TYPE bigint');
    await queryRunner.query(
      'ALTER TABLE "ledger_checkpoint_timestamp" ALTER COLUMN "tree_size" TYPE bigint, ALTER COLUMN "gen_time" TYPE bigint',
    );
    await queryRunner.query('ALTER TABLE "ledger_search_entry" ALTER COLUMN "leaf_index" TYPE bigint');
    await queryRunner.query(
      'ALTER TABLE "ledger_activity_anchor" ALTER COLUMN "tree_size" TYPE bigint, ALTER COLUMN "leaf_index" TYPE bigint',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "dead_letter" ALTER COLUMN "streamSequence" TYPE integer');
    await queryRunner.query('ALTER TABLE "ledger_leaf" ALTER COLUMN "leaf_index" TYPE integer');
    await queryRunner.query('ALTER TABLE "ledger_node" ALTER COLUMN "node_index" TYPE integer');
    await queryRunner.query('ALTER TABLE "ledger_tree_state" ALTER COLUMN "tree_size" TYPE integer');
    await queryRunner.query('ALTER TABLE "ledger_signed_tree_head" ALTER COLUMN "tree_size" TYPE integer');
    await queryRunner.query('ALTER TABLE "ledger_cosigned_checkpoint" ALTER COLUMN "tree_size" TYPE integer');
    await queryRunner.query('ALTER TABLE "ledger_registry_event" ALTER COLUMN "leaf_index" TYPE integer');
    await queryRunner.query(
      'ALTER TABLE "ledger_checkpoint_timestamp" ALTER COLUMN "tree_size" TYPE integer, ALTER COLUMN "gen_time" TYPE integer',
    );
    await queryRunner.query('ALTER TABLE "ledger_search_entry" ALTER COLUMN "leaf_index" TYPE integer');
    await queryRunner.query(
      'ALTER TABLE "ledger_activity_anchor" ALTER COLUMN "tree_size" TYPE integer, ALTER COLUMN "leaf_index" TYPE integer',
    );
  }
}

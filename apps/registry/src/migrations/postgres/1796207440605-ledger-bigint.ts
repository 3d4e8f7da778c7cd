import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every count and index of log entries becomes bigint, in place: PostgreSQL's integer stops at
 * 2^31. ALTER COLUMN … TYPE keeps the rows, keys and indexes (TypeORM proposed drop and re-add).
 */
export class LedgerBigint1796207440605 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "activity_anchor" ALTER COLUMN "tree_size" TYPE bigint, ALTER COLUMN "ledger_index" TYPE bigint',
    );
    await queryRunner.query('ALTER TABLE "activity_node" ALTER COLUMN "node_index" TYPE bigint');
    await queryRunner.query('ALTER TABLE "activity_entry" ALTER COLUMN "seq" TYPE bigint');
    await queryRunner.query('ALTER TABLE "activity_state" ALTER COLUMN "tree_size" TYPE bigint');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "activity_anchor" ALTER COLUMN "tree_size" TYPE integer, ALTER COLUMN "ledger_index" TYPE integer',
    );
    await queryRunner.query('ALTER TABLE "activity_node" ALTER COLUMN "node_index" TYPE integer');
    await queryRunner.query('ALTER TABLE "activity_entry" ALTER COLUMN "seq" TYPE integer');
    await queryRunner.query('ALTER TABLE "activity_state" ALTER COLUMN "tree_size" TYPE integer');
  }
}

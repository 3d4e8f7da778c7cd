import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The activity log's positions and the dead letters' stream sequences become bigint, in place:
 * PostgreSQL's integer stops at 2^31. ALTER COLUMN … TYPE keeps the rows, keys and indexes
 * (TypeORM proposed drop and re-add).
 */
export class LedgerBigint1796210413952 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "dead_letter" ALTER COLUMN "streamSequence" TYPE bigint');
    await queryRunner.query(
      'ALTER TABLE "activity_anchor" ALTER COLUMN "tree_size" TYPE bigint, ALTER COLUMN "ledger_index" TYPE bigint',
    );
    await queryRunner.query('ALTER TABLE "activity_node" ALTER COLUMN "node_index" TYPE bigint');
    await queryRunner.query('ALTER TABLE "activity_entry" ALTER COLUMN "seq" TYPE bigint');
    await queryRunner.query('ALTER TABLE "activity_state" ALTER COLUMN "tree_size" TYPE bigint');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "dead_letter" ALTER COLUMN "streamSequence" TYPE integer');
    await queryRunner.query(
      'ALTER TABLE "activity_anchor" ALTER COLUMN "tree_size" TYPE integer, ALTER COLUMN "ledger_index" TYPE integer',
    );
    await queryRunner.query('ALTER TABLE "activity_node" ALTER COLUMN "node_index" TYPE integer');
    await queryRunner.query('ALTER TABLE "activity_entry" ALTER COLUMN "seq" TYPE integer');
    await queryRunner.query('ALTER TABLE "activity_state" ALTER COLUMN "tree_size" TYPE integer');
  }
}

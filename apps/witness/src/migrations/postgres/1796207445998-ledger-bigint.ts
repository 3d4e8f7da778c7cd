import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every count and index of log entries becomes bigint, in place: PostgreSQL's integer stops at
 * 2^31. ALTER COLUMN … TYPE keeps the rows, keys and indexes (TypeORM proposed drop and re-add).
 */
export class LedgerBigint1796207445998 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "witness_checkpoint" ALTER COLUMN "tree_size" TYPE bigint');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "witness_checkpoint" ALTER COLUMN "tree_size" TYPE integer');
  }
}

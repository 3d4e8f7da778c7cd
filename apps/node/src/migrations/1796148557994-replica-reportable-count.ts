import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReplicaReportableCount1796148557994 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "temporary_sltd_replica_state" ("id" integer PRIMARY KEY NOT NULL, "appliedSequence" integer NOT NULL, "currentAsOf" varchar, "resync" varchar NOT NULL, "reportable" integer NOT NULL DEFAULT (0))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_sltd_replica_state"("id", "appliedSequence", "currentAsOf", "resync") SELECT "id", "appliedSequence", "currentAsOf", "resync" FROM "sltd_replica_state"',
    );
    await queryRunner.query('DROP TABLE "sltd_replica_state"');
    await queryRunner.query('ALTER TABLE "temporary_sltd_replica_state" RENAME TO "sltd_replica_state"');
    // Backfill: the entries a check would report, counted once here and kept by every apply after.
    await queryRunner.query(
      'UPDATE "sltd_replica_state" SET "reportable" = (SELECT COUNT(*) FROM "sltd_replica_entry" WHERE "status" IN (\'stolen\', \'lost\', \'revoked\', \'invalidated\'))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "sltd_replica_state" RENAME TO "temporary_sltd_replica_state"');
    await queryRunner.query(
      'CREATE TABLE "sltd_replica_state" ("id" integer PRIMARY KEY NOT NULL, "appliedSequence" integer NOT NULL, "currentAsOf" varchar, "resync" varchar NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "sltd_replica_state"("id", "appliedSequence", "currentAsOf", "resync") SELECT "id", "appliedSequence", "currentAsOf", "resync" FROM "temporary_sltd_replica_state"',
    );
    await queryRunner.query('DROP TABLE "temporary_sltd_replica_state"');
  }
}

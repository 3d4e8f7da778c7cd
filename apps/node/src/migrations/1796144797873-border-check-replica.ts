import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BorderCheckReplica1796144797873 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "check_log" ("id" varchar PRIMARY KEY NOT NULL, "kind" varchar NOT NULL, "checkedAt" varchar NOT NULL, "actor" varchar NOT NULL, "place" varchar, "outcome" varchar NOT NULL, "issuingCountry" varchar, "matched" text, "hitId" varchar)',
    );
    await queryRunner.query('CREATE INDEX "IDX_1c51f3e8091925e0bb04d6eea5" ON "check_log" ("checkedAt") ');
    await queryRunner.query(
      'CREATE TABLE "sltd_replica_entry" ("issuingCountry" varchar(2) NOT NULL, "index" varchar(64) NOT NULL, "version" integer NOT NULL, "status" varchar(16) NOT NULL, "sealed" blob, "sequence" integer NOT NULL, PRIMARY KEY ("issuingCountry", "index"))',
    );
    await queryRunner.query(
      'CREATE TABLE "sltd_replica_state" ("id" integer PRIMARY KEY NOT NULL, "appliedSequence" integer NOT NULL, "currentAsOf" varchar, "resync" varchar NOT NULL)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "sltd_replica_state"');
    await queryRunner.query('DROP TABLE "sltd_replica_entry"');
    await queryRunner.query('DROP INDEX "IDX_1c51f3e8091925e0bb04d6eea5"');
    await queryRunner.query('DROP TABLE "check_log"');
  }
}

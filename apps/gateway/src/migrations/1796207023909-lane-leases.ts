import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LaneLeases1796207023909 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "sender_rate_bucket" ("sender" varchar(2) PRIMARY KEY NOT NULL, "tokens" double precision NOT NULL, "updatedAt" bigint NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "gateway_lease" ("name" varchar(80) PRIMARY KEY NOT NULL, "holder" varchar(64) NOT NULL, "epoch" bigint NOT NULL, "expiresAt" varchar(30) NOT NULL)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "gateway_lease"');
    await queryRunner.query('DROP TABLE "sender_rate_bucket"');
  }
}

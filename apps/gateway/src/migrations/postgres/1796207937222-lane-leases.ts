import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LaneLeases1796207937222 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "sender_rate_bucket" ("sender" character varying(2) NOT NULL, "tokens" double precision NOT NULL, "updatedAt" bigint NOT NULL, CONSTRAINT "PK_7496ad0afa021cc77eac0f82384" PRIMARY KEY ("sender"))',
    );
    await queryRunner.query(
      'CREATE TABLE "gateway_lease" ("name" character varying(80) NOT NULL, "holder" character varying(64) NOT NULL, "epoch" bigint NOT NULL, "expiresAt" character varying(30) NOT NULL, CONSTRAINT "PK_b51c38313f1a693063c265ada09" PRIMARY KEY ("name"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "gateway_lease"');
    await queryRunner.query('DROP TABLE "sender_rate_bucket"');
  }
}

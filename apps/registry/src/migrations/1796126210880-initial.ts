import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1796126210880 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "certificate" ("serial" varchar(64) PRIMARY KEY NOT NULL, "code" varchar(2) NOT NULL, "use" varchar(16) NOT NULL, "pem" text NOT NULL, "notBefore" datetime NOT NULL, "notAfter" datetime NOT NULL, "revokedAt" datetime, "createdAt" datetime NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "IDX_dc9d056564881ac46386c25b17" ON "certificate" ("code", "use") ');
    await queryRunner.query(
      'CREATE TABLE "registry_event" ("seq" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "id" varchar(36) NOT NULL, "type" varchar(40) NOT NULL, "code" varchar(2), "data" text NOT NULL, "occurredAt" varchar(30) NOT NULL, "publishedAt" varchar(30))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_4f7c5406e3c01c344129903162" ON "registry_event" ("id") ');
    await queryRunner.query('CREATE INDEX "IDX_b04f9eda55088d4d3d724e728a" ON "registry_event" ("publishedAt") ');
    await queryRunner.query(
      'CREATE TABLE "bureau" ("code" varchar(2) PRIMARY KEY NOT NULL, "role" varchar(16) NOT NULL, "status" varchar(16) NOT NULL, "version" integer NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "enrolment_token" ("tokenHash" varchar(64) PRIMARY KEY NOT NULL, "code" varchar(2) NOT NULL, "expiresAt" datetime NOT NULL, "usedAt" datetime, "createdAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "operation" ("id" varchar(64) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "coordinator" varchar(2) NOT NULL, "participants" text NOT NULL, "start" varchar(30) NOT NULL, "end" varchar(30) NOT NULL, "createdAt" varchar(30) NOT NULL, "author" varchar(16) NOT NULL, "version" integer NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "rules_change" ("version" integer PRIMARY KEY NOT NULL, "type" varchar(32) NOT NULL, "code" varchar(2), "data" text NOT NULL, "author" varchar(16) NOT NULL, "at" varchar(30) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "bilateral_declaration" ("id" varchar(36) PRIMARY KEY NOT NULL, "declarer" varchar(2) NOT NULL, "counterpart" varchar(2) NOT NULL, "type" varchar(32) NOT NULL, "createdAt" varchar(30) NOT NULL, "version" integer NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_8b9cbfab281c95676c2dd571a7" ON "bilateral_declaration" ("declarer", "counterpart", "type") ',
    );
    await queryRunner.query(
      'CREATE TABLE "policy_set" ("version" integer PRIMARY KEY NOT NULL, "text" text NOT NULL, "limits" text NOT NULL, "createdAt" varchar(30) NOT NULL, "author" varchar(16) NOT NULL)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "policy_set"');
    await queryRunner.query('DROP INDEX "IDX_8b9cbfab281c95676c2dd571a7"');
    await queryRunner.query('DROP TABLE "bilateral_declaration"');
    await queryRunner.query('DROP TABLE "rules_change"');
    await queryRunner.query('DROP TABLE "operation"');
    await queryRunner.query('DROP TABLE "enrolment_token"');
    await queryRunner.query('DROP TABLE "bureau"');
    await queryRunner.query('DROP INDEX "IDX_b04f9eda55088d4d3d724e728a"');
    await queryRunner.query('DROP INDEX "IDX_4f7c5406e3c01c344129903162"');
    await queryRunner.query('DROP TABLE "registry_event"');
    await queryRunner.query('DROP INDEX "IDX_dc9d056564881ac46386c25b17"');
    await queryRunner.query('DROP TABLE "certificate"');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RulesAuthor1796158456996 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "temporary_operation" ("id" varchar(64) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "coordinator" varchar(2) NOT NULL, "participants" text NOT NULL, "start" varchar(30) NOT NULL, "end" varchar(30) NOT NULL, "createdAt" varchar(30) NOT NULL, "author" varchar(80) NOT NULL, "version" integer NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_operation"("id", "name", "coordinator", "participants", "start", "end", "createdAt", "author", "version") SELECT "id", "name", "coordinator", "participants", "start", "end", "createdAt", "author", "version" FROM "operation"',
    );
    await queryRunner.query('DROP TABLE "operation"');
    await queryRunner.query('ALTER TABLE "temporary_operation" RENAME TO "operation"');
    await queryRunner.query(
      'CREATE TABLE "temporary_rules_change" ("version" integer PRIMARY KEY NOT NULL, "type" varchar(32) NOT NULL, "code" varchar(2), "data" text NOT NULL, "author" varchar(80) NOT NULL, "at" varchar(30) NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_rules_change"("version", "type", "code", "data", "author", "at") SELECT "version", "type", "code", "data", "author", "at" FROM "rules_change"',
    );
    await queryRunner.query('DROP TABLE "rules_change"');
    await queryRunner.query('ALTER TABLE "temporary_rules_change" RENAME TO "rules_change"');
    await queryRunner.query(
      'CREATE TABLE "temporary_policy_set" ("version" integer PRIMARY KEY NOT NULL, "text" text NOT NULL, "limits" text NOT NULL, "createdAt" varchar(30) NOT NULL, "author" varchar(80) NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_policy_set"("version", "text", "limits", "createdAt", "author") SELECT "version", "text", "limits", "createdAt", "author" FROM "policy_set"',
    );
    await queryRunner.query('DROP TABLE "policy_set"');
    await queryRunner.query('ALTER TABLE "temporary_policy_set" RENAME TO "policy_set"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "policy_set" RENAME TO "temporary_policy_set"');
    await queryRunner.query(
      'CREATE TABLE "policy_set" ("version" integer PRIMARY KEY NOT NULL, "text" text NOT NULL, "limits" text NOT NULL, "createdAt" varchar(30) NOT NULL, "author" varchar(16) NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "policy_set"("version", "text", "limits", "createdAt", "author") SELECT "version", "text", "limits", "createdAt", "author" FROM "temporary_policy_set"',
    );
    await queryRunner.query('DROP TABLE "temporary_policy_set"');
    await queryRunner.query('ALTER TABLE "rules_change" RENAME TO "temporary_rules_change"');
    await queryRunner.query(
      'CREATE TABLE "rules_change" ("version" integer PRIMARY KEY NOT NULL, "type" varchar(32) NOT NULL, "code" varchar(2), "data" text NOT NULL, "author" varchar(16) NOT NULL, "at" varchar(30) NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "rules_change"("version", "type", "code", "data", "author", "at") SELECT "version", "type", "code", "data", "author", "at" FROM "temporary_rules_change"',
    );
    await queryRunner.query('DROP TABLE "temporary_rules_change"');
    await queryRunner.query('ALTER TABLE "operation" RENAME TO "temporary_operation"');
    await queryRunner.query(
      'CREATE TABLE "operation" ("id" varchar(64) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "coordinator" varchar(2) NOT NULL, "participants" text NOT NULL, "start" varchar(30) NOT NULL, "end" varchar(30) NOT NULL, "createdAt" varchar(30) NOT NULL, "author" varchar(16) NOT NULL, "version" integer NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "operation"("id", "name", "coordinator", "participants", "start", "end", "createdAt", "author", "version") SELECT "id", "name", "coordinator", "participants", "start", "end", "createdAt", "author", "version" FROM "temporary_operation"',
    );
    await queryRunner.query('DROP TABLE "temporary_operation"');
  }
}

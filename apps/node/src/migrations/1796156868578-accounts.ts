import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1796156868578 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "api_token" ("id" varchar PRIMARY KEY NOT NULL, "personId" varchar NOT NULL, "name" varchar NOT NULL, "digest" varchar NOT NULL, "createdAt" varchar NOT NULL, "lastUsedAt" varchar, "expiresAt" varchar, "revokedAt" varchar, CONSTRAINT "UQ_72a89e689ba1f166e088819ce0b" UNIQUE ("digest"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_1c9fbecdcf272d557e13bd8ef0" ON "api_token" ("personId") ');
    await queryRunner.query(
      'CREATE TABLE "person_session" ("id" varchar PRIMARY KEY NOT NULL, "personId" varchar NOT NULL, "csrfToken" varchar NOT NULL, "createdAt" varchar NOT NULL, "lastSeenAt" varchar NOT NULL, "expiresAt" varchar NOT NULL, "via" varchar NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "IDX_4820b6fc355e214ad2a98f99ce" ON "person_session" ("personId") ');
    await queryRunner.query(
      'CREATE TABLE "person" ("id" varchar PRIMARY KEY NOT NULL, "username" varchar NOT NULL, "displayName" varchar NOT NULL, "roles" text NOT NULL, "borderPost" varchar, "passwordHash" varchar, "totpSecret" varchar, "totpPendingSecret" varchar, "totpLastStep" integer, "oidcSubject" varchar, "locale" varchar NOT NULL, "timeZone" varchar NOT NULL, "failedSignIns" integer NOT NULL DEFAULT (0), "lockedUntil" varchar, "disabled" boolean NOT NULL DEFAULT (0), "createdAt" varchar NOT NULL, "lastSignInAt" varchar, CONSTRAINT "UQ_e4475bde6806df5ab6999b47e5b" UNIQUE ("username"), CONSTRAINT "UQ_f57c7514a51267db37099459663" UNIQUE ("oidcSubject"))',
    );
    await queryRunner.query(
      'CREATE TABLE "sign_in_link" ("digest" varchar PRIMARY KEY NOT NULL, "personId" varchar NOT NULL, "expiresAt" varchar NOT NULL, "usedAt" varchar)',
    );
    await queryRunner.query('CREATE INDEX "IDX_84db3ca99dd45bdc17429b7818" ON "sign_in_link" ("personId") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_84db3ca99dd45bdc17429b7818"');
    await queryRunner.query('DROP TABLE "sign_in_link"');
    await queryRunner.query('DROP TABLE "person"');
    await queryRunner.query('DROP INDEX "IDX_4820b6fc355e214ad2a98f99ce"');
    await queryRunner.query('DROP TABLE "person_session"');
    await queryRunner.query('DROP INDEX "IDX_1c9fbecdcf272d557e13bd8ef0"');
    await queryRunner.query('DROP TABLE "api_token"');
  }
}

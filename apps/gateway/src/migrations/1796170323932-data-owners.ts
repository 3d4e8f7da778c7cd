import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DataOwners1796170323932 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "consent_grant" ("decisionId" varchar(64) PRIMARY KEY NOT NULL, "originId" varchar(64) NOT NULL, "grantee" varchar(2) NOT NULL, "purpose" varchar(20) NOT NULL, "bureaus" text NOT NULL, "expiresAt" varchar(30) NOT NULL, "grantedAt" varchar(30) NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "idx_consent_grant_origin" ON "consent_grant" ("originId", "grantee") ');
    await queryRunner.query(
      'CREATE TABLE "temporary_envelope_lineage" ("envelopeId" varchar(64) PRIMARY KEY NOT NULL, "sender" varchar(2) NOT NULL, "kind" varchar(20) NOT NULL, "restrictedTo" text NOT NULL, "acceptedAt" varchar(30) NOT NULL, "digest" varchar(43) NOT NULL DEFAULT (\'\'), "deliveredTo" text NOT NULL DEFAULT (\'[]\'), "handlingLevel" integer NOT NULL DEFAULT (0), "handlingOrigin" varchar(64), "handlingOwner" varchar(2), "handlingAllowTo" text, "handlingExpiresAt" varchar(30))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_envelope_lineage"("envelopeId", "sender", "kind", "restrictedTo", "acceptedAt", "digest", "deliveredTo") SELECT "envelopeId", "sender", "kind", "restrictedTo", "acceptedAt", "digest", "deliveredTo" FROM "envelope_lineage"',
    );
    await queryRunner.query('DROP TABLE "envelope_lineage"');
    await queryRunner.query('ALTER TABLE "temporary_envelope_lineage" RENAME TO "envelope_lineage"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "envelope_lineage" RENAME TO "temporary_envelope_lineage"');
    await queryRunner.query(
      'CREATE TABLE "envelope_lineage" ("envelopeId" varchar(64) PRIMARY KEY NOT NULL, "sender" varchar(2) NOT NULL, "kind" varchar(20) NOT NULL, "restrictedTo" text NOT NULL, "acceptedAt" varchar(30) NOT NULL, "digest" varchar(43) NOT NULL DEFAULT (\'\'), "deliveredTo" text NOT NULL DEFAULT (\'[]\'))',
    );
    await queryRunner.query(
      'INSERT INTO "envelope_lineage"("envelopeId", "sender", "kind", "restrictedTo", "acceptedAt", "digest", "deliveredTo") SELECT "envelopeId", "sender", "kind", "restrictedTo", "acceptedAt", "digest", "deliveredTo" FROM "temporary_envelope_lineage"',
    );
    await queryRunner.query('DROP TABLE "temporary_envelope_lineage"');
    await queryRunner.query('DROP INDEX "idx_consent_grant_origin"');
    await queryRunner.query('DROP TABLE "consent_grant"');
  }
}

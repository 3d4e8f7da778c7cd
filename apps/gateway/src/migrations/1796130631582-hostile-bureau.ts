import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HostileBureau1796130631582 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "dead_letter" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "key" varchar NOT NULL, "subject" varchar NOT NULL, "msgId" varchar, "streamSequence" integer NOT NULL, "attempts" integer NOT NULL, "lastError" text NOT NULL, "raw" blob NOT NULL, "bytes" integer NOT NULL, "firstSeenAt" varchar NOT NULL, "lastSeenAt" varchar NOT NULL, "droppedAt" varchar)',
    );
    await queryRunner.query('CREATE INDEX "IDX_708a65fcf412c4d333ec922645" ON "dead_letter" ("droppedAt") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_37342b093a3b5d0baf0f4a6e8c" ON "dead_letter" ("key") ');
    await queryRunner.query(
      'CREATE TABLE "envelope_receipt" ("envelopeId" varchar(64) NOT NULL, "recipient" varchar(2) NOT NULL, "receiptId" varchar(64) NOT NULL, "acceptedAt" varchar(30) NOT NULL, PRIMARY KEY ("envelopeId", "recipient"))',
    );
    await queryRunner.query(
      'CREATE TABLE "temporary_envelope_lineage" ("envelopeId" varchar(64) PRIMARY KEY NOT NULL, "sender" varchar(2) NOT NULL, "kind" varchar(20) NOT NULL, "restrictedTo" text NOT NULL, "acceptedAt" varchar(30) NOT NULL, "digest" varchar(43) NOT NULL DEFAULT (\'\'), "deliveredTo" text NOT NULL DEFAULT (\'[]\'))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_envelope_lineage"("envelopeId", "sender", "kind", "restrictedTo", "acceptedAt") SELECT "envelopeId", "sender", "kind", "restrictedTo", "acceptedAt" FROM "envelope_lineage"',
    );
    await queryRunner.query('DROP TABLE "envelope_lineage"');
    await queryRunner.query('ALTER TABLE "temporary_envelope_lineage" RENAME TO "envelope_lineage"');
    await queryRunner.query('CREATE INDEX "IDX_774a35a253a2cc9c78fe856d90" ON "processed_submission" ("acceptedAt") '); // Receipts for envelopes accepted before the upgrade are checked against the digest and recipients the replay record kept.
    await queryRunner.query(
      `UPDATE "envelope_lineage" SET "digest" = "p"."digest", "deliveredTo" = "p"."deliveredTo" FROM "processed_submission" "p" WHERE "p"."envelopeId" = "envelope_lineage"."envelopeId"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_774a35a253a2cc9c78fe856d90"');
    await queryRunner.query('ALTER TABLE "envelope_lineage" RENAME TO "temporary_envelope_lineage"');
    await queryRunner.query(
      'CREATE TABLE "envelope_lineage" ("envelopeId" varchar(64) PRIMARY KEY NOT NULL, "sender" varchar(2) NOT NULL, "kind" varchar(20) NOT NULL, "restrictedTo" text NOT NULL, "acceptedAt" varchar(30) NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "envelope_lineage"("envelopeId", "sender", "kind", "restrictedTo", "acceptedAt") SELECT "envelopeId", "sender", "kind", "restrictedTo", "acceptedAt" FROM "temporary_envelope_lineage"',
    );
    await queryRunner.query('DROP TABLE "temporary_envelope_lineage"');
    await queryRunner.query('DROP TABLE "envelope_receipt"');
    await queryRunner.query('DROP INDEX "IDX_37342b093a3b5d0baf0f4a6e8c"');
    await queryRunner.query('DROP INDEX "IDX_708a65fcf412c4d333ec922645"');
    await queryRunner.query('DROP TABLE "dead_letter"');
  }
}

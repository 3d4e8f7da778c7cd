import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HostileBureau1796130613930 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "dead_letter" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "key" varchar NOT NULL, "subject" varchar NOT NULL, "msgId" varchar, "streamSequence" integer NOT NULL, "attempts" integer NOT NULL, "lastError" text NOT NULL, "raw" blob NOT NULL, "bytes" integer NOT NULL, "firstSeenAt" varchar NOT NULL, "lastSeenAt" varchar NOT NULL, "droppedAt" varchar)',
    );
    await queryRunner.query('CREATE INDEX "IDX_708a65fcf412c4d333ec922645" ON "dead_letter" ("droppedAt") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_37342b093a3b5d0baf0f4a6e8c" ON "dead_letter" ("key") ');
    await queryRunner.query('DROP INDEX "IDX_e7f10b668121b580e7dee56b7f"');
    await queryRunner.query(
      'CREATE TABLE "temporary_rejected_delivery" ("seq" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "envelopeId" varchar, "sender" varchar, "code" varchar NOT NULL, "message" text NOT NULL, "digest" varchar, "msgId" varchar, "raw" blob NOT NULL, "receivedAt" varchar NOT NULL, "rejectionId" varchar)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_rejected_delivery"("seq", "envelopeId", "sender", "code", "message", "digest", "msgId", "raw", "receivedAt") SELECT "seq", "envelopeId", "sender", "code", "message", "digest", "msgId", "raw", "receivedAt" FROM "rejected_delivery"',
    );
    await queryRunner.query('DROP TABLE "rejected_delivery"');
    await queryRunner.query('ALTER TABLE "temporary_rejected_delivery" RENAME TO "rejected_delivery"');
    await queryRunner.query('CREATE INDEX "IDX_e7f10b668121b580e7dee56b7f" ON "rejected_delivery" ("receivedAt") ');
    await queryRunner.query('DROP INDEX "IDX_0c2da40c6fc74c0ac27628413b"');
    await queryRunner.query('DROP INDEX "IDX_40982e32fe31e1514effb24533"');
    await queryRunner.query(
      'CREATE TABLE "temporary_sent_message" ("id" varchar PRIMARY KEY NOT NULL, "kind" varchar NOT NULL, "recipients" text NOT NULL, "meta" text NOT NULL, "envelope" blob NOT NULL, "digest" varchar NOT NULL, "createdAt" varchar NOT NULL, "expiresAt" varchar NOT NULL, "publishedAt" varchar, "reportStatus" varchar, "reportRefusal" text, "reportedAt" varchar, "report" blob, "attempts" integer NOT NULL DEFAULT (0), "lastAttemptAt" varchar, "nextCheckAt" varchar, "retryAt" varchar, "lastError" varchar)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_sent_message"("id", "kind", "recipients", "meta", "envelope", "digest", "createdAt", "expiresAt", "publishedAt", "reportStatus", "reportRefusal", "reportedAt", "report") SELECT "id", "kind", "recipients", "meta", "envelope", "digest", "createdAt", "expiresAt", "publishedAt", "reportStatus", "reportRefusal", "reportedAt", "report" FROM "sent_message"',
    );
    await queryRunner.query('DROP TABLE "sent_message"');
    await queryRunner.query('ALTER TABLE "temporary_sent_message" RENAME TO "sent_message"');
    await queryRunner.query('CREATE INDEX "IDX_0c2da40c6fc74c0ac27628413b" ON "sent_message" ("publishedAt") ');
    await queryRunner.query('CREATE INDEX "IDX_40982e32fe31e1514effb24533" ON "sent_message" ("reportStatus") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_59a785dbd6fe50943877170d35" ON "rejected_delivery" ("envelopeId", "digest") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_ae0ebfaadf0fcdfe924f18431f" ON "sent_message" ("nextCheckAt") '); // Messages still open at the upgrade: the republisher looks at each once, as if just sent.
    await queryRunner.query(
      `UPDATE "sent_message" SET "nextCheckAt" = "createdAt" WHERE "reportStatus" IS NULL OR EXISTS (SELECT 1 FROM "recipient_state" "r" WHERE "r"."messageId" = "sent_message"."id" AND "r"."state" IN ('pending', 'delivered'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_ae0ebfaadf0fcdfe924f18431f"');
    await queryRunner.query('DROP INDEX "IDX_59a785dbd6fe50943877170d35"');
    await queryRunner.query('DROP INDEX "IDX_40982e32fe31e1514effb24533"');
    await queryRunner.query('DROP INDEX "IDX_0c2da40c6fc74c0ac27628413b"');
    await queryRunner.query('ALTER TABLE "sent_message" RENAME TO "temporary_sent_message"');
    await queryRunner.query(
      'CREATE TABLE "sent_message" ("id" varchar PRIMARY KEY NOT NULL, "kind" varchar NOT NULL, "recipients" text NOT NULL, "meta" text NOT NULL, "envelope" blob NOT NULL, "digest" varchar NOT NULL, "createdAt" varchar NOT NULL, "expiresAt" varchar NOT NULL, "publishedAt" varchar, "reportStatus" varchar, "reportRefusal" text, "reportedAt" varchar, "report" blob)',
    );
    await queryRunner.query(
      'INSERT INTO "sent_message"("id", "kind", "recipients", "meta", "envelope", "digest", "createdAt", "expiresAt", "publishedAt", "reportStatus", "reportRefusal", "reportedAt", "report") SELECT "id", "kind", "recipients", "meta", "envelope", "digest", "createdAt", "expiresAt", "publishedAt", "reportStatus", "reportRefusal", "reportedAt", "report" FROM "temporary_sent_message"',
    );
    await queryRunner.query('DROP TABLE "temporary_sent_message"');
    await queryRunner.query('CREATE INDEX "IDX_40982e32fe31e1514effb24533" ON "sent_message" ("reportStatus") ');
    await queryRunner.query('CREATE INDEX "IDX_0c2da40c6fc74c0ac27628413b" ON "sent_message" ("publishedAt") ');
    await queryRunner.query('DROP INDEX "IDX_e7f10b668121b580e7dee56b7f"');
    await queryRunner.query('ALTER TABLE "rejected_delivery" RENAME TO "temporary_rejected_delivery"');
    await queryRunner.query(
      'CREATE TABLE "rejected_delivery" ("seq" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "envelopeId" varchar, "sender" varchar, "code" varchar NOT NULL, "message" text NOT NULL, "digest" varchar, "msgId" varchar, "raw" blob NOT NULL, "receivedAt" varchar NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "rejected_delivery"("seq", "envelopeId", "sender", "code", "message", "digest", "msgId", "raw", "receivedAt") SELECT "seq", "envelopeId", "sender", "code", "message", "digest", "msgId", "raw", "receivedAt" FROM "temporary_rejected_delivery"',
    );
    await queryRunner.query('DROP TABLE "temporary_rejected_delivery"');
    await queryRunner.query('CREATE INDEX "IDX_e7f10b668121b580e7dee56b7f" ON "rejected_delivery" ("receivedAt") ');
    await queryRunner.query('DROP INDEX "IDX_37342b093a3b5d0baf0f4a6e8c"');
    await queryRunner.query('DROP INDEX "IDX_708a65fcf412c4d333ec922645"');
    await queryRunner.query('DROP TABLE "dead_letter"');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1796126249513 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "diffusion" ("id" varchar PRIMARY KEY NOT NULL, "direction" varchar NOT NULL, "sender" varchar NOT NULL, "recipients" text NOT NULL, "body" text NOT NULL, "state" varchar NOT NULL, "receivedAt" varchar NOT NULL, "withdrawnAt" varchar, "withdrawReason" text)',
    );
    await queryRunner.query('CREATE INDEX "IDX_f997ada461a32de6fdc1f331e1" ON "diffusion" ("state", "receivedAt") ');
    await queryRunner.query(
      'CREATE TABLE "notice_name_token" ("number" varchar NOT NULL, "token" varchar NOT NULL, PRIMARY KEY ("number", "token"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_40af0b9560287b7e71879eea56" ON "notice_name_token" ("token", "number") ',
    );
    await queryRunner.query(
      'CREATE TABLE "notice_document" ("number" varchar NOT NULL, "document" varchar NOT NULL, PRIMARY KEY ("number", "document"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_e2e05ceebb39384b2beb55e8a4" ON "notice_document" ("document", "number") ',
    );
    await queryRunner.query(
      'CREATE TABLE "notice_request" ("id" varchar PRIMARY KEY NOT NULL, "direction" varchar NOT NULL, "requester" varchar NOT NULL, "body" text NOT NULL, "restrictedTo" text NOT NULL, "state" varchar NOT NULL, "noticeNumber" varchar, "reason" text, "receivedAt" varchar NOT NULL, "decidedAt" varchar)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5764adfdce7486a33950073a92" ON "notice_request" ("direction", "state", "receivedAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "notice" ("number" varchar PRIMARY KEY NOT NULL, "type" varchar NOT NULL, "owner" varchar NOT NULL, "state" varchar NOT NULL, "familyName" varchar NOT NULL, "givenNames" varchar NOT NULL, "nameKey" varchar NOT NULL, "dateOfBirth" varchar, "nationality" varchar, "documentNumbers" text NOT NULL, "offence" text NOT NULL, "expiry" varchar NOT NULL, "revision" integer NOT NULL, "envelopeId" varchar NOT NULL, "restrictedTo" text NOT NULL, "recipients" text NOT NULL, "requestId" varchar, "publishedAt" varchar NOT NULL, "updatedAt" varchar NOT NULL, "cancelledAt" varchar, "cancelReason" text)',
    );
    await queryRunner.query('CREATE INDEX "IDX_d8e939fd9fbd325fbe4fd05221" ON "notice" ("state") ');
    await queryRunner.query('CREATE INDEX "IDX_67ae5e80b75eb8eb2de8371d85" ON "notice" ("dateOfBirth") ');
    await queryRunner.query('CREATE INDEX "IDX_42e3454e721cc705acddfc6d35" ON "notice" ("type", "state", "expiry") ');
    await queryRunner.query(
      'CREATE TABLE "received_message" ("id" varchar PRIMARY KEY NOT NULL, "sender" varchar NOT NULL, "kind" varchar NOT NULL, "meta" text NOT NULL, "body" text, "envelope" blob NOT NULL, "digest" varchar NOT NULL, "createdAt" varchar NOT NULL, "expiresAt" varchar NOT NULL, "receivedAt" varchar NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_d0bcc71916aefd4902b5e27a05" ON "received_message" ("receivedAt", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "rejected_delivery" ("seq" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "envelopeId" varchar, "sender" varchar, "code" varchar NOT NULL, "message" text NOT NULL, "digest" varchar, "msgId" varchar, "raw" blob NOT NULL, "receivedAt" varchar NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "IDX_e7f10b668121b580e7dee56b7f" ON "rejected_delivery" ("receivedAt") ');
    await queryRunner.query(
      'CREATE TABLE "recipient_state" ("messageId" varchar NOT NULL, "code" varchar NOT NULL, "state" varchar NOT NULL, "refusal" text, "receiptedAt" varchar, "receiptId" varchar, "updatedAt" varchar NOT NULL, PRIMARY KEY ("messageId", "code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "sent_message" ("id" varchar PRIMARY KEY NOT NULL, "kind" varchar NOT NULL, "recipients" text NOT NULL, "meta" text NOT NULL, "envelope" blob NOT NULL, "digest" varchar NOT NULL, "createdAt" varchar NOT NULL, "expiresAt" varchar NOT NULL, "publishedAt" varchar, "reportStatus" varchar, "reportRefusal" text, "reportedAt" varchar, "report" blob)',
    );
    await queryRunner.query('CREATE INDEX "IDX_40982e32fe31e1514effb24533" ON "sent_message" ("reportStatus") ');
    await queryRunner.query('CREATE INDEX "IDX_0c2da40c6fc74c0ac27628413b" ON "sent_message" ("publishedAt") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_0c2da40c6fc74c0ac27628413b"');
    await queryRunner.query('DROP INDEX "IDX_40982e32fe31e1514effb24533"');
    await queryRunner.query('DROP TABLE "sent_message"');
    await queryRunner.query('DROP TABLE "recipient_state"');
    await queryRunner.query('DROP INDEX "IDX_e7f10b668121b580e7dee56b7f"');
    await queryRunner.query('DROP TABLE "rejected_delivery"');
    await queryRunner.query('DROP INDEX "IDX_d0bcc71916aefd4902b5e27a05"');
    await queryRunner.query('DROP TABLE "received_message"');
    await queryRunner.query('DROP INDEX "IDX_42e3454e721cc705acddfc6d35"');
    await queryRunner.query('DROP INDEX "IDX_67ae5e80b75eb8eb2de8371d85"');
    await queryRunner.query('DROP INDEX "IDX_d8e939fd9fbd325fbe4fd05221"');
    await queryRunner.query('DROP TABLE "notice"');
    await queryRunner.query('DROP INDEX "IDX_5764adfdce7486a33950073a92"');
    await queryRunner.query('DROP TABLE "notice_request"');
    await queryRunner.query('DROP INDEX "IDX_e2e05ceebb39384b2beb55e8a4"');
    await queryRunner.query('DROP TABLE "notice_document"');
    await queryRunner.query('DROP INDEX "IDX_40af0b9560287b7e71879eea56"');
    await queryRunner.query('DROP TABLE "notice_name_token"');
    await queryRunner.query('DROP INDEX "IDX_f997ada461a32de6fdc1f331e1"');
    await queryRunner.query('DROP TABLE "diffusion"');
  }
}

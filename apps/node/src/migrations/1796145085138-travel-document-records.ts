import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TravelDocumentRecords1796145085138 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "own_travel_document" ("documentNumber" varchar(23) PRIMARY KEY NOT NULL, "documentType" varchar NOT NULL, "status" varchar NOT NULL, "reportedAt" varchar NOT NULL, "details" text, "version" integer NOT NULL, "withdrawn" boolean NOT NULL, "updatedAt" varchar NOT NULL, "lastEnvelopeId" varchar NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "sltd_record" ("issuingCountry" varchar(2) NOT NULL, "index" varchar(64) NOT NULL, "version" integer NOT NULL, "status" varchar(16) NOT NULL, "sealed" blob, "envelopeId" varchar NOT NULL, "receivedAt" varchar NOT NULL, "publishedSequence" integer, PRIMARY KEY ("issuingCountry", "index"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_7b2bfb27e77974c972a63c7eca" ON "sltd_record" ("publishedSequence") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_7b2bfb27e77974c972a63c7eca"');
    await queryRunner.query('DROP TABLE "sltd_record"');
    await queryRunner.query('DROP TABLE "own_travel_document"');
  }
}

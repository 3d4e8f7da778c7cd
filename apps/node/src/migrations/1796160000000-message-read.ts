import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MessageRead1796160000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "message_read" ("messageId" varchar NOT NULL, "personId" varchar NOT NULL, "readAt" varchar NOT NULL, PRIMARY KEY ("messageId", "personId"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "message_read"');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LedgerSearch1796156985899 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "ledger_search_entry" ("leaf_index" integer PRIMARY KEY NOT NULL, "at" varchar(30) NOT NULL, "type" varchar(40) NOT NULL, "status" varchar(16) NOT NULL, "kind" varchar(40), "envelope_id" varchar(80), "sender" varchar(8), "recipient" varchar(8))',
    );
    await queryRunner.query('CREATE INDEX "idx_ledger_search_at" ON "ledger_search_entry" ("at") ');
    await queryRunner.query('CREATE INDEX "idx_ledger_search_envelope" ON "ledger_search_entry" ("envelope_id") ');
    await queryRunner.query(
      'CREATE INDEX "idx_ledger_search_recipient" ON "ledger_search_entry" ("recipient", "leaf_index") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_ledger_search_sender" ON "ledger_search_entry" ("sender", "leaf_index") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "idx_ledger_search_sender"');
    await queryRunner.query('DROP INDEX "idx_ledger_search_recipient"');
    await queryRunner.query('DROP INDEX "idx_ledger_search_envelope"');
    await queryRunner.query('DROP INDEX "idx_ledger_search_at"');
    await queryRunner.query('DROP TABLE "ledger_search_entry"');
  }
}

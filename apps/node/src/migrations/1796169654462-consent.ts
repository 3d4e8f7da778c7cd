import type { MigrationInterface, QueryRunner } from 'typeorm';
import { receivedBodyDigests } from '../handling/body-digest';

/** Received bodies digested per step of the backfill. */
const BACKFILL_BATCH = 200;

export class Consent1796169654462 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "consent_request" ("id" varchar PRIMARY KEY NOT NULL, "direction" varchar NOT NULL, "messageId" varchar NOT NULL, "envelopeId" varchar NOT NULL, "asker" varchar NOT NULL, "owner" varchar NOT NULL, "purpose" varchar NOT NULL, "bureaus" text, "note" text, "state" varchar NOT NULL, "createdAt" varchar NOT NULL, "decisionId" varchar, "decidedAt" varchar, "decidedBy" varchar, "expiresAt" varchar, "reason" text)',
    );
    await queryRunner.query('CREATE INDEX "IDX_06f7c8755562506027a1dcc3d8" ON "consent_request" ("envelopeId") ');
    await queryRunner.query('CREATE INDEX "IDX_e1e2941a84dc741f65fd920829" ON "consent_request" ("messageId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_d5a83e94f03caaf6cb74c836d5" ON "consent_request" ("direction", "createdAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "received_body_digest" ("digest" varchar NOT NULL, "envelopeId" varchar NOT NULL, PRIMARY KEY ("digest", "envelopeId"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_5d1b8ea20f012e7e1d76f568ad" ON "received_body_digest" ("envelopeId") ');
    await backfillDigests(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_5d1b8ea20f012e7e1d76f568ad"');
    await queryRunner.query('DROP TABLE "received_body_digest"');
    await queryRunner.query('DROP INDEX "IDX_d5a83e94f03caaf6cb74c836d5"');
    await queryRunner.query('DROP INDEX "IDX_e1e2941a84dc741f65fd920829"');
    await queryRunner.query('DROP INDEX "IDX_06f7c8755562506027a1dcc3d8"');
    await queryRunner.query('DROP TABLE "consent_request"');
  }
}

// Content received before this release is recognised too: its digests from the stored bodies.
async function backfillDigests(queryRunner: QueryRunner): Promise<void> {
  let after = '';
  for (;;) {
    const rows = (await queryRunner.query(
      'SELECT "id", "body" FROM "received_message" WHERE "id" > ? AND "body" IS NOT NULL ORDER BY "id" LIMIT ?',
      [after, BACKFILL_BATCH],
    )) as Array<{ id: string; body: string }>;
    if (rows.length === 0) return;
    for (const row of rows) {
      for (const digest of receivedBodyDigests(JSON.parse(row.body)))
        await queryRunner.query('INSERT OR IGNORE INTO "received_body_digest" ("digest", "envelopeId") VALUES (?, ?)', [
          digest,
          row.id,
        ]);
    }
    after = rows[rows.length - 1].id;
  }
}

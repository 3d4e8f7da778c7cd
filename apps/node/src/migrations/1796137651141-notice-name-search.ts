import type { MigrationInterface, QueryRunner } from 'typeorm';

// Rows a backfill statement carries: 2 parameters each, far below SQLite's 32,766.
const BATCH = 500;

/**
 * The name search moves to a contentless FTS5 table (unicode61, diacritics removed, prefix indexes
 * for 2 and 3 characters) keyed by notice_name_key, which also holds the search's sort key; the
 * hand-written word table and notice.nameKey go. TypeORM neither makes nor drops tables outside the
 * entities, so those steps are written here by hand after the generated ones.
 */
export class NoticeNameSearch1796137651141 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_42e3454e721cc705acddfc6d35"');
    await queryRunner.query('DROP INDEX "IDX_67ae5e80b75eb8eb2de8371d85"');
    await queryRunner.query('DROP INDEX "IDX_d8e939fd9fbd325fbe4fd05221"');
    await queryRunner.query(
      'CREATE TABLE "temporary_notice" ("number" varchar PRIMARY KEY NOT NULL, "type" varchar NOT NULL, "owner" varchar NOT NULL, "state" varchar NOT NULL, "familyName" varchar NOT NULL, "givenNames" varchar NOT NULL, "dateOfBirth" varchar, "nationality" varchar, "documentNumbers" text NOT NULL, "offence" text NOT NULL, "expiry" varchar NOT NULL, "revision" integer NOT NULL, "envelopeId" varchar NOT NULL, "restrictedTo" text NOT NULL, "recipients" text NOT NULL, "requestId" varchar, "publishedAt" varchar NOT NULL, "updatedAt" varchar NOT NULL, "cancelledAt" varchar, "cancelReason" text)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_notice"("number", "type", "owner", "state", "familyName", "givenNames", "dateOfBirth", "nationality", "documentNumbers", "offence", "expiry", "revision", "envelopeId", "restrictedTo", "recipients", "requestId", "publishedAt", "updatedAt", "cancelledAt", "cancelReason") SELECT "number", "type", "owner", "state", "familyName", "givenNames", "dateOfBirth", "nationality", "documentNumbers", "offence", "expiry", "revision", "envelopeId", "restrictedTo", "recipients", "requestId", "publishedAt", "updatedAt", "cancelledAt", "cancelReason" FROM "notice"',
    );
    await queryRunner.query('DROP TABLE "notice"');
    await queryRunner.query('ALTER TABLE "temporary_notice" RENAME TO "notice"');
    await queryRunner.query('CREATE INDEX "IDX_42e3454e721cc705acddfc6d35" ON "notice" ("type", "state", "expiry") ');
    await queryRunner.query('CREATE INDEX "IDX_67ae5e80b75eb8eb2de8371d85" ON "notice" ("dateOfBirth") ');
    await queryRunner.query('CREATE INDEX "IDX_d8e939fd9fbd325fbe4fd05221" ON "notice" ("state") ');
    await queryRunner.query('DROP TABLE "notice_name_token"');
    await queryRunner.query(
      'CREATE TABLE "notice_name_key" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar NOT NULL, "publishedAt" varchar NOT NULL, CONSTRAINT "UQ_e0584ee71bd1a60f2c6444467da" UNIQUE ("number"))',
    );
    await queryRunner.query(
      `CREATE VIRTUAL TABLE "notice_name" USING fts5("name", content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`,
    );
    await backfillNames(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "notice_name"');
    await queryRunner.query('DROP TABLE "notice_name_key"');
    await queryRunner.query('DROP INDEX "IDX_d8e939fd9fbd325fbe4fd05221"');
    await queryRunner.query('DROP INDEX "IDX_67ae5e80b75eb8eb2de8371d85"');
    await queryRunner.query('DROP INDEX "IDX_42e3454e721cc705acddfc6d35"');
    await queryRunner.query('ALTER TABLE "notice" RENAME TO "temporary_notice"');
    await queryRunner.query(
      'CREATE TABLE "notice" ("number" varchar PRIMARY KEY NOT NULL, "type" varchar NOT NULL, "owner" varchar NOT NULL, "state" varchar NOT NULL, "familyName" varchar NOT NULL, "givenNames" varchar NOT NULL, "nameKey" varchar NOT NULL, "dateOfBirth" varchar, "nationality" varchar, "documentNumbers" text NOT NULL, "offence" text NOT NULL, "expiry" varchar NOT NULL, "revision" integer NOT NULL, "envelopeId" varchar NOT NULL, "restrictedTo" text NOT NULL, "recipients" text NOT NULL, "requestId" varchar, "publishedAt" varchar NOT NULL, "updatedAt" varchar NOT NULL, "cancelledAt" varchar, "cancelReason" text)',
    );
    await queryRunner.query(
      'INSERT INTO "notice"("number", "type", "owner", "state", "familyName", "givenNames", "nameKey", "dateOfBirth", "nationality", "documentNumbers", "offence", "expiry", "revision", "envelopeId", "restrictedTo", "recipients", "requestId", "publishedAt", "updatedAt", "cancelledAt", "cancelReason") SELECT "number", "type", "owner", "state", "familyName", "givenNames", \'\', "dateOfBirth", "nationality", "documentNumbers", "offence", "expiry", "revision", "envelopeId", "restrictedTo", "recipients", "requestId", "publishedAt", "updatedAt", "cancelledAt", "cancelReason" FROM "temporary_notice"',
    );
    await queryRunner.query('DROP TABLE "temporary_notice"');
    await queryRunner.query('CREATE INDEX "IDX_d8e939fd9fbd325fbe4fd05221" ON "notice" ("state") ');
    await queryRunner.query('CREATE INDEX "IDX_67ae5e80b75eb8eb2de8371d85" ON "notice" ("dateOfBirth") ');
    await queryRunner.query('CREATE INDEX "IDX_42e3454e721cc705acddfc6d35" ON "notice" ("type", "state", "expiry") ');
    await queryRunner.query(
      'CREATE TABLE "notice_name_token" ("number" varchar NOT NULL, "token" varchar NOT NULL, PRIMARY KEY ("number", "token"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_40af0b9560287b7e71879eea56" ON "notice_name_token" ("token", "number") ',
    );
    await restoreWordTable(queryRunner);
  }
}

interface HeldName {
  number: string;
  familyName: string;
  givenNames: string;
}

async function heldNames(queryRunner: QueryRunner): Promise<HeldName[]> {
  return (await queryRunner.query('SELECT "number", "familyName", "givenNames" FROM "notice"')) as HeldName[];
}

/**
 * Indexes every notice already held, its name as noticeNameText makes it in this release (NFKC): a
 * key each, oldest first, then its FTS5 row under that key.
 */
async function backfillNames(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    'INSERT INTO "notice_name_key" ("number", "publishedAt") SELECT "number", "publishedAt" FROM "notice" ORDER BY "publishedAt", "number"',
  );
  const notices = (await queryRunner.query(
    'SELECT "key"."id", "notice"."familyName", "notice"."givenNames" FROM "notice" JOIN "notice_name_key" "key" ON "key"."number" = "notice"."number"',
  )) as (Omit<HeldName, 'number'> & { id: number })[];
  for (let start = 0; start < notices.length; start += BATCH) {
    const batch = notices.slice(start, start + BATCH);
    await queryRunner.query(
      `INSERT INTO "notice_name" (rowid, "name") VALUES ${batch.map(() => '(?, ?)').join(', ')}`,
      batch.flatMap((notice) => [notice.id, `${notice.familyName} ${notice.givenNames}`.normalize('NFKC')]),
    );
  }
}

/** The previous release's nameKey and word rows, made with its own folding (kept here, frozen). */
async function restoreWordTable(queryRunner: QueryRunner): Promise<void> {
  const notices = await heldNames(queryRunner);
  for (const notice of notices) {
    const nameKey = `${notice.familyName} ${notice.givenNames}`
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    await queryRunner.query('UPDATE "notice" SET "nameKey" = ? WHERE "number" = ?', [nameKey, notice.number]);
    for (const token of new Set(nameKey.split(' ').filter((word) => word.length > 0)))
      await queryRunner.query('INSERT INTO "notice_name_token" ("number", "token") VALUES (?, ?)', [
        notice.number,
        token,
      ]);
  }
}

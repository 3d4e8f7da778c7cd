import type { EntityManager } from 'typeorm';
import type { NoticeEntity } from './notice.entity';
import { isPostgres, plainQuery } from './plain-sql';

/**
 * The name search. On SQLite a contentless FTS5 table (name only; contentless_delete so a row can
 * be replaced) whose unicode61 tokenizer folds case and diacritics; its rowid is the notice's key
 * in notice_name_key (NoticeNameKeyEntity), so a match reaches the notice without reading FTS5
 * content and a rename deletes by rowid instead of scanning. On PostgreSQL the same table name
 * holds ("id" = the key, "words" tsvector) under a GIN index: the words folded here as unicode61
 * folds them (noticeNameWords), made lexemes as they are (array_to_tsvector: no parser, no
 * stemming), and matched by prefix (`'mul':* & 'jo':*`). Not a TypeORM entity — migrations
 * NoticeNameSearch1796137651141 (SQLite) and NoticeNameSearch1796207123428 (PostgreSQL) make it —
 * and NoticeRepository.put keeps it in the transaction of the notice write.
 */
export const NOTICE_NAME_TABLE = 'notice_name';
export const NOTICE_NAME_KEY_TABLE = 'notice_name_key';

// Rows one insert carries: 2 parameters each, far below SQLite's 32,766.
const BATCH = 500;

// A word starts with a letter or digit and keeps its combining marks; anything else separates words,
// so no quote, star, colon, parenthesis or operator of the FTS5 syntax ever reaches a query.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** A notice as the name search holds it: its key's number and sort key, and the indexed text. */
export interface NoticeName {
  number: string;
  publishedAt: string;
  name: string;
}

export function noticeName(
  row: Pick<NoticeEntity, 'number' | 'publishedAt' | 'familyName' | 'givenNames'>,
): NoticeName {
  return { number: row.number, publishedAt: row.publishedAt, name: noticeNameText(row) };
}

/**
 * What the table holds for a notice. NFKC first: unicode61 leaves compatibility forms as they are
 * (ﬁ, ǆ, fullwidth letters), and the officer's words get the same treatment in noticeNameMatch.
 */
export function noticeNameText(row: Pick<NoticeEntity, 'familyName' | 'givenNames'>): string {
  return `${row.familyName} ${row.givenNames}`.normalize('NFKC');
}

/**
 * The MATCH expression for an officer's words: each word an FTS5 string with a prefix star
 * ("mul"* "jo"*), which FTS5 ANDs; undefined when the text holds no letter or digit.
 */
export function noticeNameMatch(name: string): string | undefined {
  const words = name.normalize('NFKC').match(WORD);
  if (!words) return undefined;
  // An FTS5 string escapes a double quote by doubling it; WORD lets none through, but the quoting
  // stays sound on its own.
  return words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(' ');
}

/**
 * The words PostgreSQL's table holds for a name, and looks for: NFKC as noticeNameText, then case
 * and diacritics folded (NFKD without its marks, lower case) as unicode61 with remove_diacritics
 * folds them, split into WORDs.
 */
export function noticeNameWords(name: string): string[] {
  const folded = name
    .normalize('NFKC')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase();
  return folded.match(WORD) ?? [];
}

/** The tsquery for an officer's words on PostgreSQL: each a quoted lexeme with a prefix star, ANDed. */
export function noticeNameTsquery(name: string): string | undefined {
  const words = noticeNameWords(name);
  if (words.length === 0) return undefined;
  // WORD lets no quote or backslash through; escaped all the same, so the quoting stands alone.
  return words.map((word) => `'${word.replace(/['\\]/g, '\\$&')}':*`).join(' & ');
}

/**
 * The numbers of the notices whose name holds every word of `name` as a word prefix: SQL reading
 * "key"."number" (the key table as "key", to order a page by), with `:name` bound to `parameter`;
 * undefined when the name holds no letter or digit.
 */
export function noticeNameMatches(
  manager: EntityManager,
  name: string,
): { sql: string; parameter: string } | undefined {
  if (isPostgres(manager)) {
    const tsquery = noticeNameTsquery(name);
    if (tsquery === undefined) return undefined;
    return {
      sql: `SELECT "key"."number" FROM "${NOTICE_NAME_TABLE}" JOIN "${NOTICE_NAME_KEY_TABLE}" "key" ON "key"."id" = "${NOTICE_NAME_TABLE}"."id" WHERE "${NOTICE_NAME_TABLE}"."words" @@ CAST(:name AS tsquery)`,
      parameter: tsquery,
    };
  }
  const match = noticeNameMatch(name);
  if (match === undefined) return undefined;
  return {
    sql: `SELECT "key"."number" FROM "${NOTICE_NAME_TABLE}" JOIN "${NOTICE_NAME_KEY_TABLE}" "key" ON "key"."id" = "${NOTICE_NAME_TABLE}".rowid WHERE "${NOTICE_NAME_TABLE}" MATCH :name`,
    parameter: match,
  };
}

/** Indexes notices new to the index: a key each, then their name rows under it. */
export async function addNoticeNames(manager: EntityManager, names: readonly NoticeName[]): Promise<void> {
  for (let start = 0; start < names.length; start += BATCH) {
    const batch = names.slice(start, start + BATCH);
    await plainQuery(
      manager,
      `INSERT INTO "${NOTICE_NAME_KEY_TABLE}" ("number", "publishedAt") VALUES ${batch.map(() => '(?, ?)').join(', ')}`,
      batch.flatMap((name) => [name.number, name.publishedAt]),
    );
    await writeNames(manager, batch);
  }
}

/** Brings an indexed notice to its new revision: its sort key and name row, as far as they changed. */
export async function updateNoticeName(manager: EntityManager, held: NoticeName, stored: NoticeName): Promise<void> {
  if (stored.publishedAt !== held.publishedAt)
    await plainQuery(manager, `UPDATE "${NOTICE_NAME_KEY_TABLE}" SET "publishedAt" = ? WHERE "number" = ?`, [
      stored.publishedAt,
      stored.number,
    ]);
  if (stored.name === held.name) return;
  // By rowid through the key's unique index, where a delete by an UNINDEXED number column read the
  // whole table: a renaming revision 12.2 → 1.9 ms at 100,000 notices (`npm run bench:search`).
  const key = isPostgres(manager) ? '"id"' : 'rowid';
  await plainQuery(
    manager,
    `DELETE FROM "${NOTICE_NAME_TABLE}" WHERE ${key} = (SELECT "id" FROM "${NOTICE_NAME_KEY_TABLE}" WHERE "number" = ?)`,
    [stored.number],
  );
  await writeNames(manager, [stored]);
}

async function writeNames(manager: EntityManager, names: readonly NoticeName[]): Promise<void> {
  if (isPostgres(manager)) {
    await plainQuery(
      manager,
      `INSERT INTO "${NOTICE_NAME_TABLE}" ("id", "words") SELECT "key"."id", array_to_tsvector(string_to_array("held"."column2", ' ')) FROM (VALUES ${names.map(() => '(?, ?)').join(', ')}) AS "held" JOIN "${NOTICE_NAME_KEY_TABLE}" "key" ON "key"."number" = "held"."column1"`,
      names.flatMap((name) => [name.number, noticeNameWords(name.name).join(' ')]),
    );
    return;
  }
  await plainQuery(
    manager,
    `INSERT INTO "${NOTICE_NAME_TABLE}" (rowid, "name") SELECT "key"."id", "held"."column2" FROM (VALUES ${names.map(() => '(?, ?)').join(', ')}) AS "held" JOIN "${NOTICE_NAME_KEY_TABLE}" "key" ON "key"."number" = "held"."column1"`,
    names.flatMap((name) => [name.number, name.name]),
  );
}

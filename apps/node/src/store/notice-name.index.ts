import type { NoticeEntity } from './notice.entity';

/**
 * The name search: an FTS5 table (number UNINDEXED, name) whose unicode61 tokenizer folds case and
 * diacritics. Not a TypeORM entity — migration NoticeNameSearch1796137651141 makes it — and
 * NoticeRepository.put keeps it in the transaction of the notice write.
 */
export const NOTICE_NAME_TABLE = 'notice_name';

// A word starts with a letter or digit and keeps its combining marks; anything else separates words,
// so no quote, star, colon, parenthesis or operator of the FTS5 syntax ever reaches a query.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

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

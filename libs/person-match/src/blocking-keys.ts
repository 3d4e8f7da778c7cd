import { ONE_TYPO_MIN_LENGTH } from './name-comparison';
import type { NameToken, PersonName } from './person-name';

/**
 * Blocking keys: two tokens that agree in any way compareTokens knows share at least one key, so
 * scoring only the records in the query's blocks misses no match.
 * - `s:` skeleton: exact and variant agree on it;
 * - `m:` each double-metaphone code: phonetic;
 * - `c:` consonants of every record token, `a:` of abjad-script ones only: a query in Arabic
 *   script reads `c:`, a Latin one `a:` (it needs the consonants only against Arabic or Hebrew);
 * - `e:` the token and each one-letter deletion of it (from ONE_TYPO_MIN_LENGTH letters): a
 *   substitution, insertion, deletion or adjacent swap leaves a deletion in common
 *   (Jhonson and Johnson both give 'jonson'), as in SymSpell.
 */
function tokenKeys(token: NameToken, consonants: string[]): string[] {
  const keys = [`s:${token.skeleton}`, ...token.phonetic.map((code) => `m:${code}`)];
  if (token.consonants.length >= 2) keys.push(...consonants.map((prefix) => `${prefix}${token.consonants}`));
  const { text } = token;
  if (text.length >= ONE_TYPO_MIN_LENGTH) {
    keys.push(`e:${text}`);
    for (let at = 0; at < text.length; at++) keys.push(`e:${text.slice(0, at)}${text.slice(at + 1)}`);
  }
  return keys;
}

function nameKeys(name: PersonName, consonants: string[]): string[] {
  const keys = [...name.tokens, name.joined].flatMap((token) => tokenKeys(token, consonants));
  return [...new Set(keys)];
}

/** The keys a record's family name is filed under. */
export function recordNameKeys(name: PersonName): string[] {
  return nameKeys(name, name.abjad ? ['c:', 'a:'] : ['c:']);
}

/** The keys a query name looks under (its family name, and its given names for a swap). */
export function queryNameKeys(name: PersonName): string[] {
  return nameKeys(name, [name.abjad ? 'c:' : 'a:']);
}

export const documentKey = (number: string): string => `n:${number}`;

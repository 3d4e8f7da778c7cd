import { matchThreshold, rankMatches, type MatchOptions, type PersonMatch } from './person-match.options';
import { memoNameComparer, preparePerson, scorePerson, type PersonQuery, type PersonRecord } from './person-score';

/**
 * Every record scored, no index: the definition PersonIndex is checked against, and enough for a
 * few thousand records.
 */
export function matchPersons(
  query: PersonQuery,
  persons: readonly PersonRecord[],
  options: MatchOptions = {},
): PersonMatch[] {
  const threshold = matchThreshold(options);
  const prepared = preparePerson(query);
  const compare = memoNameComparer();
  const matches: PersonMatch[] = [];
  for (const person of persons) {
    const { score, reasons } = scorePerson(prepared, preparePerson(person), compare);
    if (score >= threshold) matches.push({ id: person.id, score, reasons });
  }
  return rankMatches(matches, options);
}

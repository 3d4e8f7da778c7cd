import damerauLevenshtein from 'talisman/metrics/damerau-levenshtein';
import type { NameToken, PersonName } from './person-name';

/** The ways two name tokens can agree, strongest first. */
export type NameAgreement = 'exact' | 'variant' | 'phonetic' | 'one-typo';

/** What each agreement is worth; a token agreeing in several ways counts its best. */
export const NAME_AGREEMENT_WEIGHTS: Readonly<Record<NameAgreement, number>> = {
  exact: 1,
  variant: 0.95,
  phonetic: 0.85,
  'one-typo': 0.8,
};

/** A typo in a shorter token is another name (Li, Lu; Ana, Ina). */
export const ONE_TYPO_MIN_LENGTH = 4;

/** Double metaphone stops at four codes: past them, Karalovelmi and Karalovski would sound alike. */
const METAPHONE_LENGTH = 4;
const closeConsonants = (a: NameToken, b: NameToken) => damerauLevenshtein(a.consonants, b.consonants) <= 1;

/** Every way two tokens agree: 'exact' alone, or any of the others (Jonson/Johnson is phonetic and one typo). */
export function compareTokens(a: NameToken, b: NameToken, abjad: boolean): NameAgreement[] {
  if (a.text === b.text) return ['exact'];
  const found: NameAgreement[] = [];
  if (a.skeleton === b.skeleton) found.push('variant');
  const soundsAlike =
    a.phonetic.some((code) => b.phonetic.includes(code) && (code.length < METAPHONE_LENGTH || closeConsonants(a, b))) ||
    (abjad && a.consonants.length >= 2 && a.consonants === b.consonants);
  if (soundsAlike) found.push('phonetic');
  if (
    Math.min(a.text.length, b.text.length) >= ONE_TYPO_MIN_LENGTH &&
    Math.abs(a.text.length - b.text.length) <= 1 &&
    damerauLevenshtein(a.text, b.text) === 1
  )
    found.push('one-typo');
  return found;
}

export interface NameComparison {
  /** 0 when no token agrees; 1 for the same tokens. */
  readonly score: number;
  /** The agreements behind the score, strongest first. */
  readonly agreements: readonly NameAgreement[];
  /** Token counts differ, or some tokens found no partner (Garcia against Garcia Lopez). */
  readonly partial: boolean;
}

const NO_AGREEMENT: NameComparison = { score: 0, agreements: [], partial: false };
const ORDER: readonly NameAgreement[] = ['exact', 'variant', 'phonetic', 'one-typo'];
/** A name that agrees on some tokens only, or has more of them on one side. */
const PARTIAL_FACTOR = 0.9;

function best(agreements: readonly NameAgreement[]): number {
  return Math.max(0, ...agreements.map((agreement) => NAME_AGREEMENT_WEIGHTS[agreement]));
}

/**
 * Each token of the shorter name against its best partner in the other, averaged; or the joined
 * forms against each other ('van der Berg' / 'Vanderberg'), whichever scores higher.
 */
export function compareNames(query: PersonName, candidate: PersonName): NameComparison {
  const abjad = query.abjad || candidate.abjad;
  const [shorter, longer] =
    query.tokens.length <= candidate.tokens.length
      ? [query.tokens, candidate.tokens]
      : [candidate.tokens, query.tokens];
  const used = new Set<NameAgreement>();
  let total = 0;
  let unmatched = 0;
  for (const token of shorter) {
    let top: NameAgreement[] = [];
    for (const other of longer) {
      const agreements = compareTokens(token, other, abjad);
      if (best(agreements) > best(top)) top = agreements;
    }
    if (top.length === 0) unmatched++;
    top.forEach((agreement) => used.add(agreement));
    total += best(top);
  }
  const partial = unmatched > 0 || shorter.length !== longer.length;
  const byTokens: NameComparison =
    used.size === 0
      ? NO_AGREEMENT
      : {
          score: (total / shorter.length) * (partial ? PARTIAL_FACTOR : 1),
          agreements: ORDER.filter((agreement) => used.has(agreement)),
          partial,
        };
  const joined = compareTokens(query.joined, candidate.joined, abjad);
  return best(joined) > byTokens.score ? { score: best(joined), agreements: joined, partial: false } : byTokens;
}

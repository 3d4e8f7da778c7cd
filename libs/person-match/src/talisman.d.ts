// talisman 1.1.4 ships CommonJS without types: the two modules libs/person-match uses.
declare module 'talisman/phonetics/double-metaphone' {
  /** [primary, alternate] codes; equal when the name has one pronunciation. */
  export default function doubleMetaphone(word: string): [string, string];
}

declare module 'talisman/metrics/damerau-levenshtein' {
  /** The Damerau-Levenshtein distance (adjacent transpositions cost 1). */
  export default function damerauLevenshtein(a: string, b: string): number;
}

import { recordNameKeys, queryNameKeys, documentKey } from './blocking-keys';
import { BIRTH_YEAR_TOLERANCE } from './date-of-birth';
import { matchThreshold, rankMatches, type MatchOptions, type PersonMatch } from './person-match.options';
import type { PersonName } from './person-name';
import {
  memoNameComparer,
  preparePerson,
  scorePerson,
  type PersonQuery,
  type PersonRecord,
  type PreparedPerson,
} from './person-score';

/** Birth year 0: unknown, filed first in every block. */
const UNKNOWN_YEAR = 0;

/**
 * Records filed by blocking key (blocking-keys.ts) in one flat array: block k is
 * `postings[offsets[k]] … postings[offsets[k+1]-1]`, its records in birth-year order. A check with
 * a date of birth reads only the unknown years and the years within BIRTH_YEAR_TOLERANCE of it (a
 * binary search each): the others would be vetoed as `dob:conflict` anyway. Records share one
 * folded copy of each distinct name and date, and a check compares each distinct pair of names once.
 */
export class PersonIndex {
  private readonly stamps: Uint32Array;
  private generation = 0;

  private constructor(
    private readonly ids: readonly string[],
    private readonly persons: readonly PreparedPerson[],
    private readonly years: Uint16Array,
    private readonly keys: ReadonlyMap<string, number>,
    private readonly offsets: Uint32Array,
    private readonly postings: Uint32Array,
  ) {
    this.stamps = new Uint32Array(ids.length);
  }

  static build(records: readonly PersonRecord[]): PersonIndex {
    const interned = new Map<string, unknown>();
    const intern = <T>(kind: string, raw: string, make: () => T): T => {
      const key = `${kind}\u0000${raw}`;
      if (!interned.has(key)) interned.set(key, make());
      return interned.get(key) as T;
    };
    const persons = records.map((record) => preparePerson(record, { intern }));
    const years = Uint16Array.from(persons, (person) => person.dateOfBirth?.year ?? UNKNOWN_YEAR);
    const order = Uint32Array.from(persons.keys()).sort((a, b) => years[a] - years[b]);
    const keys = new Map<string, number>();
    const nameKeyIds = new Map<PersonName, number[]>();
    const keyIds = (person: PreparedPerson): number[] => {
      let ids = nameKeyIds.get(person.familyName);
      if (ids === undefined) nameKeyIds.set(person.familyName, (ids = recordNameKeys(person.familyName).map(idOf)));
      return person.documentNumbers.length === 0
        ? ids
        : [...ids, ...person.documentNumbers.map((n) => idOf(documentKey(n)))];
    };
    const idOf = (key: string): number => {
      let id = keys.get(key);
      if (id === undefined) keys.set(key, (id = keys.size));
      return id;
    };
    // Two passes over the records in birth-year order: count each block, then fill it.
    const counts: number[] = [];
    for (const at of order) for (const id of keyIds(persons[at])) counts[id] = (counts[id] ?? 0) + 1;
    const offsets = new Uint32Array(keys.size + 1);
    for (let id = 0; id < keys.size; id++) offsets[id + 1] = offsets[id] + (counts[id] ?? 0);
    const postings = new Uint32Array(offsets[keys.size]);
    const next = offsets.slice(0, keys.size);
    for (const at of order) for (const id of keyIds(persons[at])) postings[next[id]++] = at;
    return new PersonIndex(
      records.map((record) => record.id),
      persons,
      years,
      keys,
      offsets,
      postings,
    );
  }

  get size(): number {
    return this.ids.length;
  }

  /** Filed entries, for the bench: a record counts once per key of its family name and documents. */
  get postingCount(): number {
    return this.postings.length;
  }

  get keyCount(): number {
    return this.keys.size;
  }

  /** The records that fit the check, best first; the same as matchPersons over every record. */
  search(query: PersonQuery, options: MatchOptions = {}): PersonMatch[] {
    const threshold = matchThreshold(options);
    const prepared = preparePerson(query);
    const compare = memoNameComparer();
    const stamp = this.nextGeneration();
    const matches: PersonMatch[] = [];
    for (const [start, end] of this.ranges(prepared)) {
      for (let at = start; at < end; at++) {
        const person = this.postings[at];
        if (this.stamps[person] === stamp) continue;
        this.stamps[person] = stamp;
        const { score, reasons } = scorePerson(prepared, this.persons[person], compare);
        if (score >= threshold) matches.push({ id: this.ids[person], score, reasons });
      }
    }
    return rankMatches(matches, options);
  }

  private nextGeneration(): number {
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }

  /** Posting ranges to read: each block of the query, cut to the plausible birth years. */
  private ranges(query: PreparedPerson): [number, number][] {
    const names = [query.familyName, ...(query.givenNames ? [query.givenNames] : [])];
    const probes = [...names.flatMap(queryNameKeys), ...query.documentNumbers.map(documentKey)];
    const year = query.dateOfBirth?.year;
    const ranges: [number, number][] = [];
    for (const key of new Set(probes)) {
      const id = this.keys.get(key);
      if (id === undefined) continue;
      const [start, end] = [this.offsets[id], this.offsets[id + 1]];
      if (year === undefined) {
        ranges.push([start, end]);
        continue;
      }
      ranges.push([start, this.firstFrom(start, end, UNKNOWN_YEAR + 1)]);
      ranges.push([
        this.firstFrom(start, end, year - BIRTH_YEAR_TOLERANCE),
        this.firstFrom(start, end, year + BIRTH_YEAR_TOLERANCE + 1),
      ]);
    }
    return ranges;
  }

  /** The first posting in [start, end) whose birth year is at least `year`. */
  private firstFrom(start: number, end: number, year: number): number {
    let [low, high] = [start, end];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.years[this.postings[middle]] < year) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

import { normaliseDocumentNumber } from '@bureaunet/travel-document';
import { compareBirthDates, parseBirthDate, type BirthDate } from './date-of-birth';
import { compareNames, type NameAgreement, type NameComparison } from './name-comparison';
import { personName, type PersonName } from './person-name';

/** A person check as the officer types it (PersonCheckRequest in @bureaunet/contracts). */
export interface PersonQuery {
  familyName: string;
  givenNames?: string;
  /** YYYY-MM-DD; YYYY-MM or YYYY when that is all the officer has. */
  dateOfBirth?: string;
  nationality?: string;
  documentNumber?: string;
}

/** A wanted or sought person. */
export interface PersonRecord {
  id: string;
  familyName: string;
  givenNames: string;
  dateOfBirth?: string;
  nationalities?: readonly string[];
  documentNumbers?: readonly string[];
}

export type MatchReason =
  | `family-name:${NameAgreement | 'partial'}`
  | `given-names:${NameAgreement | 'partial' | 'different'}`
  | 'given-names:swapped-with-family'
  | 'dob:exact'
  | 'dob:day-month-swapped'
  | 'dob:year-only'
  | 'dob:near'
  | 'dob:conflict'
  | 'nationality'
  | 'document';

export interface PersonScore {
  /** In [0, 1]; a match from PERSON_MATCH_THRESHOLD up. */
  score: number;
  reasons: MatchReason[];
}

/** A query or record folded once, so that a million records are not folded again per check. */
export interface PreparedPerson {
  readonly familyName: PersonName;
  readonly givenNames?: PersonName;
  readonly dateOfBirth?: BirthDate;
  readonly nationalities: readonly string[];
  readonly documentNumbers: readonly string[];
}

/** A match from here: family name alone exact (0.8) or phonetic (0.71); alone one typo (0.68) is not. */
export const PERSON_MATCH_THRESHOLD = 0.7;
/** The most a person scores with neither family name nor document agreeing (given names, DOB). */
export const NO_NAME_EVIDENCE_CAP = 0.5;
/** The most a person scores whose birth year is over a year from the query's. */
export const DOB_CONFLICT_CAP = 0.3;

/** Family name weighs 0.6, given names 0.4; unknown given names on either side count half. */
const FAMILY_WEIGHT = 0.6;
const UNKNOWN_GIVEN = 0.5;
const SWAPPED_FACTOR = 0.95;
/** Corroboration closes this share of the gap to 1; `dob:near` multiplies. */
const BOOSTS = {
  'dob:exact': 0.5,
  'dob:day-month-swapped': 0.3,
  'dob:year-only': 0.1,
  nationality: 0.1,
  document: 0.75,
};
const DOB_NEAR_FACTOR = 0.85;

export interface PrepareOptions {
  /** Names and dates met before, to share one folded copy (the index passes one). */
  intern?: <T>(kind: string, raw: string, make: () => T) => T;
}

export function preparePerson(
  person: PersonQuery | PersonRecord,
  { intern = (_kind, _raw, make) => make() }: PrepareOptions = {},
): PreparedPerson {
  const given = person.givenNames;
  const dob = person.dateOfBirth;
  const nationalities = 'nationalities' in person ? (person.nationalities ?? []) : [];
  const documents = 'documentNumbers' in person ? (person.documentNumbers ?? []) : [];
  const single = (value: string | undefined) => (value === undefined ? [] : [value]);
  return {
    familyName: intern('name', person.familyName, () => personName(person.familyName, 'familyName')),
    ...(given !== undefined &&
      given.trim() !== '' && { givenNames: intern('name', given, () => personName(given, 'givenNames')) }),
    ...(dob !== undefined && { dateOfBirth: intern('dob', dob, () => parseBirthDate(dob)) }),
    nationalities: 'nationality' in person ? single(person.nationality) : nationalities,
    documentNumbers: ('documentNumber' in person ? single(person.documentNumber) : documents).map(
      normaliseDocumentNumber,
    ),
  };
}

/** Compares names through a per-check memo: records share folded names, so each pair is compared once. */
export type NameComparer = (query: PersonName, candidate: PersonName) => NameComparison;

export function memoNameComparer(): NameComparer {
  const memo = new Map<PersonName, Map<PersonName, NameComparison>>();
  return (query, candidate) => {
    let row = memo.get(query);
    if (row === undefined) memo.set(query, (row = new Map<PersonName, NameComparison>()));
    let result = row.get(candidate);
    if (result === undefined) row.set(candidate, (result = compareNames(query, candidate)));
    return result;
  };
}

interface NameScore {
  score: number;
  reasons: MatchReason[];
  /** The family name (directly or swapped) agrees somewhere. */
  evidence: boolean;
}

function nameReasons(field: 'family-name' | 'given-names', comparison: NameComparison): MatchReason[] {
  if (comparison.agreements.length === 0) return field === 'given-names' ? ['given-names:different'] : [];
  const reasons: MatchReason[] = comparison.agreements.map((agreement) => `${field}:${agreement}` as const);
  return comparison.partial ? [...reasons, `${field}:partial`] : reasons;
}

function scoreNames(query: PreparedPerson, candidate: PreparedPerson, compare: NameComparer): NameScore {
  const family = compare(query.familyName, candidate.familyName);
  const given =
    query.givenNames !== undefined && candidate.givenNames !== undefined
      ? compare(query.givenNames, candidate.givenNames)
      : undefined;
  const direct: NameScore = {
    score: FAMILY_WEIGHT * family.score + (1 - FAMILY_WEIGHT) * (given?.score ?? UNKNOWN_GIVEN),
    reasons: [...nameReasons('family-name', family), ...(given ? nameReasons('given-names', given) : [])],
    evidence: family.score > 0,
  };
  if (query.givenNames === undefined || candidate.givenNames === undefined) return direct;
  // Swapped: the query's given names are the record's family name, and the other way round.
  const crossFamily = compare(query.givenNames, candidate.familyName);
  const crossGiven = compare(query.familyName, candidate.givenNames);
  if (crossFamily.score === 0 || crossGiven.score === 0) return direct;
  const swapped = SWAPPED_FACTOR * (FAMILY_WEIGHT * crossFamily.score + (1 - FAMILY_WEIGHT) * crossGiven.score);
  if (direct.evidence && direct.score >= swapped) return direct;
  return {
    score: swapped,
    reasons: [
      'given-names:swapped-with-family',
      ...nameReasons('family-name', crossFamily),
      ...nameReasons('given-names', crossGiven),
    ],
    evidence: true,
  };
}

const boost = (score: number, share: number) => score + (1 - score) * share;

/**
 * How well a record fits a check, and why. Names first (a match needs the family name, directly
 * or swapped with the given names, or a document number to agree); then the date of birth, the
 * nationality and the document corroborate, and a birth year over a year away vetoes.
 */
export function scorePerson(
  query: PreparedPerson,
  candidate: PreparedPerson,
  compare: NameComparer = compareNames,
): PersonScore {
  const names = scoreNames(query, candidate, compare);
  let score = names.score;
  const reasons = names.reasons;
  const dob =
    query.dateOfBirth && candidate.dateOfBirth
      ? compareBirthDates(query.dateOfBirth, candidate.dateOfBirth)
      : undefined;
  if (dob !== undefined) reasons.push(`dob:${dob}`);
  if (dob === 'exact' || dob === 'day-month-swapped' || dob === 'year-only') score = boost(score, BOOSTS[`dob:${dob}`]);
  if (dob === 'near') score *= DOB_NEAR_FACTOR;
  if (query.nationalities.some((code) => candidate.nationalities.includes(code))) {
    reasons.push('nationality');
    score = boost(score, BOOSTS.nationality);
  }
  const document = query.documentNumbers.some((number) => candidate.documentNumbers.includes(number));
  if (document) {
    reasons.push('document');
    score = boost(score, BOOSTS.document);
  }
  if (!names.evidence && !document) score = Math.min(score, NO_NAME_EVIDENCE_CAP);
  if (dob === 'conflict') score = Math.min(score, DOB_CONFLICT_CAP);
  return { score, reasons };
}

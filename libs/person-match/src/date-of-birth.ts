import { PersonMatchError } from './person-match.errors';

/** A date of birth as precise as the record knows it: many wanted-person records have the year only. */
export interface BirthDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

export type BirthDateAgreement = 'exact' | 'day-month-swapped' | 'year-only' | 'near' | 'conflict';

const SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** 'YYYY', 'YYYY-MM' or a calendar date 'YYYY-MM-DD'. */
export function parseBirthDate(value: string): BirthDate {
  const match = SHAPE.exec(value);
  if (match?.[1] !== undefined) {
    const year = Number(match[1]);
    const month = match[2] === undefined ? undefined : Number(match[2]);
    const day = match[3] === undefined ? undefined : Number(match[3]);
    const monthValid = month === undefined || (month >= 1 && month <= 12);
    // Date.UTC rolls 02-30 over to 03-01 (and day 0 back a month): a day that moves is not in the calendar.
    const dayValid = day === undefined || new Date(Date.UTC(year, (month ?? 1) - 1, day)).getUTCDate() === day;
    if (monthValid && dayValid)
      return { year, ...(month !== undefined && { month }), ...(day !== undefined && { day }) };
  }
  throw new PersonMatchError(
    'date-of-birth-invalid',
    `dateOfBirth must be YYYY, YYYY-MM or a calendar date YYYY-MM-DD, is ${JSON.stringify(value)}`,
    'dateOfBirth',
  );
}

/** Years further apart than this are two people; within it, a slip of the pen. */
export const BIRTH_YEAR_TOLERANCE = 1;

/**
 * How two dates of birth agree. Only a year gap over BIRTH_YEAR_TOLERANCE is a `conflict`:
 * a day-month swap keeps the year, and a wrong day or month is a typo more often than another
 * person (`near`). Compared at the precision both sides know; `year-only` when that is the year
 * (or year and month) and it agrees.
 */
export function compareBirthDates(query: BirthDate, candidate: BirthDate): BirthDateAgreement {
  if (Math.abs(query.year - candidate.year) > BIRTH_YEAR_TOLERANCE) return 'conflict';
  if (query.year !== candidate.year) return 'near';
  if (query.month === undefined || candidate.month === undefined) return 'year-only';
  if (query.day === undefined || candidate.day === undefined)
    return query.month === candidate.month ? 'year-only' : 'near';
  if (query.month === candidate.month && query.day === candidate.day) return 'exact';
  if (query.day === candidate.month && query.month === candidate.day) return 'day-month-swapped';
  return 'near';
}

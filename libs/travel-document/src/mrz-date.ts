import type { Details } from 'mrz';
import { TravelDocumentError } from './travel-document.errors';

/**
 * An MRZ date (YYMMDD) as YYYY-MM-DD, or null when ICAO's filler marks part of it unknown (a
 * birth date with day or month unknown, an expiry-less document). The MRZ has no century:
 * a birth date takes the latest century that does not put it after `now`; an expiry date the
 * one within 50 years of `now`, either side.
 */
export function resolveMrzDate(
  detail: Details,
  raw: string,
  field: 'birthDate' | 'expiryDate',
  now: Date,
): string | null {
  if (raw.includes('<')) return null;
  const [yy, mm, dd] = [0, 2, 4].map((at) => Number(raw.slice(at, at + 2))) as [number, number, number];
  const year = field === 'birthDate' ? birthYear(yy, mm, dd, now) : expiryYear(yy, now);
  const date = new Date(Date.UTC(year, mm - 1, dd));
  if (date.getUTCMonth() !== mm - 1 || date.getUTCDate() !== dd)
    throw new TravelDocumentError(
      'mrz-field',
      `${field} at line ${detail.line + 1}, positions ${detail.start + 1}-${detail.end} is ${raw}, not a calendar date`,
      { field, at: { line: detail.line + 1, position: detail.start + 1 } },
    );
  return date.toISOString().slice(0, 10);
}

function birthYear(yy: number, mm: number, dd: number, now: Date): number {
  const candidate = Math.floor(now.getUTCFullYear() / 100) * 100 + yy;
  return Date.UTC(candidate, mm - 1, dd) > now.getTime() ? candidate - 100 : candidate;
}

function expiryYear(yy: number, now: Date): number {
  const candidate = Math.floor(now.getUTCFullYear() / 100) * 100 + yy;
  if (candidate > now.getUTCFullYear() + 50) return candidate - 100;
  if (candidate <= now.getUTCFullYear() - 50) return candidate + 100;
  return candidate;
}

import { z } from 'zod';
import { ROLES } from '@bureaunet/platform/stateless';

/** The languages the consoles speak. */
export const LOCALES = ['en', 'fr', 'es', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

export const USERNAME_PATTERN = /^[a-z0-9._-]{2,64}$/;
export const DISPLAY_NAME_MAX = 120;
export const BORDER_POST_MAX = 80;
/** Bounds on one service's people and on what one person holds live. */
export const MAX_PEOPLE = 10_000;
export const MAX_LIVE_SESSIONS = 10;
export const MAX_LIVE_TOKENS = 20;
export const TOKEN_NAME_MAX = 80;

/** An IANA time zone this runtime knows (Intl refuses the others). */
export function isTimeZone(value: string): boolean {
  if (value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

// Lower-cased before the check, so "A.Dupont" and "a.dupont" are one person.
export const usernameSchema = z.string().trim().toLowerCase().regex(USERNAME_PATTERN, 'must be 2–64 of a-z 0-9 . _ -');
export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(DISPLAY_NAME_MAX, `must be at most ${DISPLAY_NAME_MAX} characters`);
export const borderPostSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(BORDER_POST_MAX, `must be at most ${BORDER_POST_MAX} characters`);
export const localeSchema = z.enum(LOCALES);
export const timeZoneSchema = z.string().refine(isTimeZone, 'must be an IANA time zone, e.g. Europe/Paris');
export const rolesSchema = z
  .array(z.enum(ROLES))
  .min(1, 'must name at least one role')
  .max(ROLES.length)
  .refine((roles) => new Set(roles).size === roles.length, 'must not repeat a role');

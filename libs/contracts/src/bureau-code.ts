import { z } from 'zod';

/**
 * Bureaus are named by ISO 3166-1 alpha-2 codes. The hub and the gateway take codes from the
 * user-assigned range (X*), so no real country can ever collide with them.
 */
export const HUB_CODE = 'XH';
export const GATEWAY_CODE = 'XG';

export const BUREAU_CODE_PATTERN = /^[A-Z]{2}$/;

export const bureauCodeSchema = z
  .string()
  .regex(BUREAU_CODE_PATTERN, 'must be a two-letter upper-case bureau code (ISO 3166-1 alpha-2)');

export type BureauCode = string;

export function isBureauCode(value: unknown): value is BureauCode {
  return typeof value === 'string' && BUREAU_CODE_PATTERN.test(value);
}

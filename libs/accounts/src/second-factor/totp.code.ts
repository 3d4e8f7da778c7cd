import { Secret, TOTP } from 'otpauth';

/**
 * RFC 6238 as authenticator apps take it: HMAC-SHA-1, 6 digits, 30-second steps. A code is
 * accepted one step either side of now (a phone's clock drifts, a person types slowly), and each
 * step only once per person: `lastStep` is the step of the last code accepted.
 */
export const TOTP_PARAMETERS = { algorithm: 'SHA1', digits: 6, period: 30, window: 1 } as const;

/** 20 random bytes: the HMAC-SHA-1 block-size key RFC 4226 recommends (160 bits). */
export const TOTP_SECRET_BYTES = 20;

/** Six digits, nothing else: anything longer is refused before any HMAC is computed. */
const CODE_PATTERN = /^[0-9]{6}$/;

export interface TotpCheck {
  /** The secret's raw bytes. */
  secret: Uint8Array;
  /** What the person typed (spaces are tolerated: apps show "123 456"). */
  code: string;
  now: Date;
  /** The step of the last code this person had accepted; a code of that step or earlier is a replay. */
  lastStep?: number | null;
}

/** The time step a code belongs to (seconds since the epoch / 30). */
export function totpStepAt(now: Date): number {
  return TOTP.counter({ period: TOTP_PARAMETERS.period, timestamp: now.getTime() });
}

/** The code for a time, with `digits` digits (RFC 6238's own vectors have 8). */
export function totpCodeAt(secret: Uint8Array, now: Date, digits: number = TOTP_PARAMETERS.digits): string {
  return TOTP.generate({
    secret: secretOf(secret),
    algorithm: TOTP_PARAMETERS.algorithm,
    digits,
    period: TOTP_PARAMETERS.period,
    timestamp: now.getTime(),
  });
}

/**
 * The step the code was accepted for, or undefined when it is wrong, outside the window or a
 * replay of a step already used (the caller then stores the returned step as the new lastStep).
 */
export function verifyTotp(check: TotpCheck): number | undefined {
  const code = check.code.replace(/\s+/g, '');
  if (!CODE_PATTERN.test(code)) return undefined;
  const delta = TOTP.validate({
    token: code,
    secret: secretOf(check.secret),
    algorithm: TOTP_PARAMETERS.algorithm,
    digits: TOTP_PARAMETERS.digits,
    period: TOTP_PARAMETERS.period,
    timestamp: check.now.getTime(),
    window: TOTP_PARAMETERS.window,
  });
  if (delta === null) return undefined;
  const step = totpStepAt(check.now) + delta;
  if (check.lastStep !== undefined && check.lastStep !== null && step <= check.lastStep) return undefined;
  return step;
}

/**
 * The otpauth:// URI an authenticator app scans (Google's key URI format): issuer and label name
 * the service and the person, the secret in base32.
 */
export function totpUri(secret: Uint8Array, issuer: string, label: string): string {
  return new TOTP({
    issuer,
    label,
    secret: secretOf(secret),
    algorithm: TOTP_PARAMETERS.algorithm,
    digits: TOTP_PARAMETERS.digits,
    period: TOTP_PARAMETERS.period,
  }).toString();
}

/** The secret as people type it into an app without a camera (base32, RFC 4648). */
export function totpSecretBase32(secret: Uint8Array): string {
  return secretOf(secret).base32;
}

function secretOf(bytes: Uint8Array): Secret {
  // otpauth keeps the buffer: give it a copy, so a caller wiping its own bytes does not change it.
  return new Secret({ buffer: Uint8Array.from(bytes).buffer });
}

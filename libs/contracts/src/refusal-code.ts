import { z } from 'zod';

/** Stable, machine-readable reasons. A client switches on these; the message is for people. */
export const REFUSAL_CODES = [
  'too-large',
  // A recipient's own checks: a body nested deeper than MAX_BODY_DEPTH, content that does not decrypt.
  'too-deep',
  'malformed-envelope',
  'unsupported-algorithm',
  'unsupported-critical-header',
  'bad-signature',
  'unknown-sender',
  'sender-suspended',
  'sender-mismatch',
  'certificate-invalid',
  'certificate-revoked',
  'certificate-expired',
  'replay',
  'future-dated',
  'stale',
  'expired',
  'unknown-recipient',
  'recipient-suspended',
  'not-encrypted-for-recipient',
  'bad-content',
  'self-addressed',
  'directory-unavailable',
  'policy-denied',
  'rate-limited',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];
export const refusalCodeSchema = z.enum(REFUSAL_CODES);

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
  // The data owner's handling code (H3 allow-list or expiry, or a lowered code) forbids this forward or reply.
  'handling-restricted',
  'rate-limited',
  // A recipient's own bound: the sender already has as many requests waiting on it as it may.
  'too-many-pending',
  // The content JWE's protected bn_id / bn_from do not name this envelope and its sender.
  'content-binding-mismatch',
  // Receipts: each names an envelope the gateway accepted and delivered to the receipt's sender.
  'receipt-unknown-envelope',
  'receipt-not-recipient',
  'receipt-misaddressed',
  'duplicate-receipt',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];
export const refusalCodeSchema = z.enum(REFUSAL_CODES);

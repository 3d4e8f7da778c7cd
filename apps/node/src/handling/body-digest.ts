import { createHash } from 'node:crypto';
import { canonicalJson } from '@bureaunet/ledger';

/**
 * Digests that recognise received content when a node is asked to send it again: SHA-256 of the
 * body's canonical JSON (RFC 8785) and, for the text it carries, of that text with its whitespace
 * normalised (a pasted paragraph whose line breaks changed is still the same paragraph). Only
 * digests are kept, never the text. Content shorter than MIN_CONTENT_LENGTH is not recognised:
 * "yes, received" is nobody's information.
 */
export const MIN_CONTENT_LENGTH = 40;

/** Texts digested per received body, and JSON values and texts looked at per outgoing one. */
export const MAX_RECEIVED_TEXTS = 16;
export const MAX_OUTGOING_VALUES = 256;
const MAX_DEPTH = 6;

/** What a received body leaves behind: its canonical digest and those of its longer texts. */
export function receivedBodyDigests(body: unknown): string[] {
  if (body === null || body === undefined) return [];
  const digests = new Set<string>();
  const whole = jsonDigest(body);
  if (whole) digests.add(whole);
  for (const text of textsOf(body, MAX_RECEIVED_TEXTS)) digests.add(textDigest(text));
  return [...digests];
}

/**
 * What an outgoing body might repeat: the digest of every JSON value in it (a received body
 * embedded whole) and of each of its longer texts (a received text pasted in), bounded.
 */
export function outgoingBodyDigests(body: unknown): string[] {
  const digests = new Set<string>();
  let looked = 0;
  const visit = (value: unknown, depth: number): void => {
    if (looked >= MAX_OUTGOING_VALUES || value === null || value === undefined) return;
    looked += 1;
    if (typeof value === 'string') {
      const text = normalisedText(value);
      if (text.length >= MIN_CONTENT_LENGTH) digests.add(textDigest(text));
    }
    const digest = jsonDigest(value);
    if (digest) digests.add(digest);
    if (depth >= MAX_DEPTH || typeof value !== 'object') return;
    for (const child of Array.isArray(value) ? value : Object.values(value)) visit(child, depth + 1);
  };
  visit(body, 0);
  return [...digests];
}

export function normalisedText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

// A string is recognised by its text digest (whitespace aside); this one is for JSON structures.
function jsonDigest(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const canonical = canonicalOrPlain(value);
  return canonical.length >= MIN_CONTENT_LENGTH ? `json:${sha256(canonical)}` : undefined;
}

function textDigest(normalised: string): string {
  return `text:${sha256(normalised)}`;
}

// A body JSON.parse accepted may still hold what JCS refuses (a lone surrogate): plain JSON then.
function canonicalOrPlain(value: unknown): string {
  try {
    return canonicalJson(value);
  } catch {
    return JSON.stringify(value) ?? '';
  }
}

function textsOf(body: unknown, max: number): string[] {
  const texts: string[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (texts.length >= max || value === null || value === undefined) return;
    if (typeof value === 'string') {
      const text = normalisedText(value);
      if (text.length >= MIN_CONTENT_LENGTH) texts.push(text);
      return;
    }
    if (depth >= MAX_DEPTH || typeof value !== 'object') return;
    for (const child of Array.isArray(value) ? value : Object.values(value)) visit(child, depth + 1);
  };
  visit(body, 0);
  return texts;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64url');
}

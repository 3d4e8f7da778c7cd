import { WitnessError } from './witness.errors';

/**
 * C2SP signed-note: text ending in a newline, a blank line, then one or more lines
 * `— <key name> base64(uint32 key ID || signature)`. This file is syntax only; see note.verifier.ts.
 */
export interface NoteSignature {
  name: string;
  /** uint32, big-endian in the encoding. */
  keyId: number;
  /** The bytes after the key ID: the algorithm's signature (for cosignatures, timestamp || signature). */
  signature: Buffer;
}

export interface SignedNote {
  /** Includes the final newline, not the separating blank line. */
  text: string;
  signatures: NoteSignature[];
}

/** The spec asks verifiers to accept at least 16 signatures; post-quantum ones are up to ~5 kB each. */
export const MAX_NOTE_SIGNATURES = 64;
export const MAX_NOTE_BYTES = 512 * 1024;

const EM_DASH_SPACE = '\u2014 ';
// Any C0 control character except newline (U+000A), and DEL is allowed by the spec.
const CONTROL = /[\u0000-\u0009\u000b-\u001f]/u;
const SPACE_OR_PLUS = /[\s+]/u;

export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !SPACE_OR_PLUS.test(name) && !CONTROL.test(name);
}

/** Strict RFC 4648 section 4 base64: canonical padding, no whitespace, no URL alphabet. */
export function decodeStrictBase64(what: string, encoded: string): Buffer {
  const bytes = Buffer.from(encoded, 'base64');
  if (encoded.length === 0 || bytes.toString('base64') !== encoded) {
    throw new WitnessError('malformed-note', `${what} is not canonical base64`);
  }
  return bytes;
}

export function parseSignedNote(raw: string | Uint8Array): SignedNote {
  const note = typeof raw === 'string' ? raw : decodeUtf8(raw);
  const size = Buffer.byteLength(note, 'utf8');
  if (size > MAX_NOTE_BYTES) refuse(`it is ${size} bytes, more than the ${MAX_NOTE_BYTES} accepted`);
  if (!encodesAsUtf8(note)) refuse('it is not valid UTF-8');
  if (CONTROL.test(note)) refuse('it contains an ASCII control character other than newline');
  // The text is separated from the signatures by the last empty line.
  const split = note.lastIndexOf('\n\n');
  if (split < 0) refuse('it has no blank line before the signatures');
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (!block.endsWith('\n')) refuse('the last signature line does not end in a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) refuse(`it has ${lines.length} signatures, more than ${MAX_NOTE_SIGNATURES}`);
  return { text, signatures: lines.map((line, i) => parseSignatureLine(line, i)) };
}

/** One signature line without its newline. */
export function parseSignatureLine(line: string, index = 0): NoteSignature {
  const what = `signature line ${index + 1}`;
  if (!line.startsWith(EM_DASH_SPACE)) refuse(`${what} does not start with an em dash and a space`);
  const parts = line.slice(EM_DASH_SPACE.length).split(' ');
  if (parts.length !== 2) refuse(`${what} is not "— <key name> <signature>"`);
  const [name, encoded] = parts;
  if (!isValidKeyName(name)) refuse(`${what} has an empty key name or one with a space or plus`);
  const bytes = decodeStrictBase64(`${what}'s signature`, encoded);
  if (bytes.length < 5) refuse(`${what}'s signature has ${bytes.length} bytes, fewer than a key ID and a signature`);
  return { name, keyId: bytes.readUInt32BE(0), signature: bytes.subarray(4) };
}

export function formatSignatureLine(signature: NoteSignature): string {
  if (!isValidKeyName(signature.name)) {
    throw new WitnessError(
      'malformed-note',
      `key name ${JSON.stringify(signature.name)} is empty or has a space or plus`,
    );
  }
  const keyId = Buffer.alloc(4);
  keyId.writeUInt32BE(signature.keyId);
  return `${EM_DASH_SPACE}${signature.name} ${Buffer.concat([keyId, signature.signature]).toString('base64')}\n`;
}

export function formatSignedNote(note: SignedNote): string {
  assertNoteText(note.text);
  if (note.signatures.length === 0) refuse('a signed note needs at least one signature');
  return `${note.text}\n${note.signatures.map(formatSignatureLine).join('')}`;
}

/** What may be signed as a note's text: non-empty, newline-terminated, no control characters. */
export function assertNoteText(text: string): void {
  if (text.length === 0 || !text.endsWith('\n')) refuse('the note text must be non-empty and end in a newline');
  if (!encodesAsUtf8(text)) refuse('the note text is not valid UTF-8');
  if (CONTROL.test(text)) refuse('the note text contains an ASCII control character other than newline');
}

/** False for a string with a lone surrogate, which UTF-8 cannot carry. */
function encodesAsUtf8(text: string): boolean {
  return Buffer.from(text, 'utf8').toString('utf8') === text;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return refuse('it is not valid UTF-8');
  }
}

function refuse(why: string): never {
  throw new WitnessError('malformed-note', `signed note refused: ${why}`);
}

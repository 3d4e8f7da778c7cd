import { verify } from 'node:crypto';
import { ED25519_SIGNATURE_LENGTH, ed25519PublicKeyFromRaw } from './ed25519.raw-key';
import { hexKeyId, NOTE_SIGNATURE_TYPE, noteKeyId } from './note-key';
import { parseSignedNote, type NoteSignature, type SignedNote } from './signed-note';
import { WitnessError } from './witness.errors';

/** One trusted key: signatures whose name and key ID both match it are checked by it. */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  /** Whether `signature` (the bytes after the key ID) is valid over the note text. */
  verify(text: Buffer, signature: Buffer): boolean;
}

export interface VerifiedSignature {
  signature: NoteSignature;
  verifier: NoteVerifier;
}

export interface NoteSignatureCheck {
  verified: VerifiedSignature[];
  /** Signatures from keys not among the verifiers: ignored, as the spec requires. */
  unknown: NoteSignature[];
}

/** Signature type 0x01: plain Ed25519 over the note text. */
export function ed25519NoteVerifier(key: { name: string; publicKey: Buffer }): NoteVerifier {
  const keyId = noteKeyId({ ...key, type: NOTE_SIGNATURE_TYPE.ed25519 });
  const publicKey = ed25519PublicKeyFromRaw(key.publicKey);
  return {
    name: key.name,
    keyId,
    verify: (text, signature) =>
      signature.length === ED25519_SIGNATURE_LENGTH && verify(null, text, publicKey, signature),
  };
}

/**
 * Checks every signature from a known key (name and key ID both match) and ignores the rest.
 * A known key's failing signature rejects the whole note, as signed-note recommends.
 */
export function checkNoteSignatures(note: SignedNote, verifiers: readonly NoteVerifier[]): NoteSignatureCheck {
  assertUnambiguous(verifiers);
  const text = Buffer.from(note.text, 'utf8');
  const result: NoteSignatureCheck = { verified: [], unknown: [] };
  for (const signature of note.signatures) {
    const verifier = verifiers.find((v) => v.name === signature.name && v.keyId === signature.keyId);
    if (!verifier) {
      result.unknown.push(signature);
      continue;
    }
    if (!verifier.verify(text, signature.signature)) {
      throw new WitnessError(
        'bad-signature',
        `the signature of ${signature.name} (key ID ${hexKeyId(signature.keyId)}) does not verify over the note text`,
      );
    }
    result.verified.push({ signature, verifier });
  }
  return result;
}

/** Parses a note and requires at least one valid signature from a trusted key. */
export function openNote(
  raw: string | Uint8Array,
  verifiers: readonly NoteVerifier[],
): SignedNote & NoteSignatureCheck {
  const note = parseSignedNote(raw);
  const check = checkNoteSignatures(note, verifiers);
  if (check.verified.length === 0) {
    const trusted = verifiers.map((v) => `${v.name}+${hexKeyId(v.keyId)}`).join(', ') || 'none configured';
    throw new WitnessError('no-trusted-signature', `the note carries no signature from a trusted key (${trusted})`);
  }
  return { ...note, ...check };
}

function assertUnambiguous(verifiers: readonly NoteVerifier[]): void {
  const seen = new Set<string>();
  for (const { name, keyId } of verifiers) {
    const key = `${name}+${hexKeyId(keyId)}`;
    if (seen.has(key)) throw new WitnessError('malformed-key', `two trusted keys share the name and key ID ${key}`);
    seen.add(key);
  }
}

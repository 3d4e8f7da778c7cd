import { sign, type KeyObject } from 'node:crypto';
import { rawEd25519PublicKey } from './ed25519.raw-key';
import { NOTE_SIGNATURE_TYPE, noteKeyId } from './note-key';
import { assertNoteText, formatSignedNote, type NoteSignature } from './signed-note';

export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  /** The signature bytes that follow the key ID in the signature line. */
  sign(text: Buffer): Buffer;
}

/** Signature type 0x01: plain Ed25519 over the note text. */
export function ed25519NoteSigner(name: string, privateKey: KeyObject): NoteSigner {
  const keyId = noteKeyId({ name, type: NOTE_SIGNATURE_TYPE.ed25519, publicKey: rawEd25519PublicKey(privateKey) });
  return { name, keyId, sign: (text) => sign(null, text, privateKey) };
}

export function noteSignature(text: string, signer: NoteSigner): NoteSignature {
  assertNoteText(text);
  return { name: signer.name, keyId: signer.keyId, signature: signer.sign(Buffer.from(text, 'utf8')) };
}

/**
 * The signed note: `existing` signatures kept in order, except those from the same name and key ID
 * as one of `signers` (replaced, as Go's note.Sign does), then the new signatures.
 */
export function signNote(
  text: string,
  signers: readonly NoteSigner[],
  existing: readonly NoteSignature[] = [],
): string {
  const fresh = signers.map((signer) => noteSignature(text, signer));
  const kept = existing.filter((old) => !signers.some((s) => s.name === old.name && s.keyId === old.keyId));
  return formatSignedNote({ text, signatures: [...kept, ...fresh] });
}

import { cosignatureVerifier } from './cosignature';
import { NOTE_SIGNATURE_TYPE, parseVerifierKey } from './note-key';
import { ed25519NoteVerifier, type NoteVerifier } from './note.verifier';

/** A verifier from a vkey string, by its signature type: 0x01 Ed25519 or 0x04 cosignature/v1. */
export function verifierFromKey(vkey: string): NoteVerifier {
  const key = parseVerifierKey(vkey);
  return key.type === NOTE_SIGNATURE_TYPE.ed25519 ? ed25519NoteVerifier(key) : cosignatureVerifier(key);
}

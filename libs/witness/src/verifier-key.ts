import { cosignatureVerifier } from './cosignature';
import type { TrustedWitness } from './cosigned-checkpoint.verifier';
import { NOTE_SIGNATURE_TYPE, parseVerifierKey } from './note-key';
import { ed25519NoteVerifier, type NoteVerifier } from './note.verifier';
import { WitnessError } from './witness.errors';

/** A verifier from a vkey string, by its signature type: 0x01 Ed25519 or 0x04 cosignature/v1. */
export function verifierFromKey(vkey: string): NoteVerifier {
  const key = parseVerifierKey(vkey);
  return key.type === NOTE_SIGNATURE_TYPE.ed25519 ? ed25519NoteVerifier(key) : cosignatureVerifier(key);
}

/** A witness as configured by its vkey; only a cosignature/v1 (0x04) key can be one. */
export function trustedWitnessFromKey(vkey: string): TrustedWitness {
  const { name, type, publicKey } = parseVerifierKey(vkey);
  if (type !== NOTE_SIGNATURE_TYPE.cosignatureV1) {
    throw new WitnessError('bad-policy', `witness key ${name} is of type 0x0${type}, not a cosignature/v1 key (0x04)`);
  }
  return { name, publicKey };
}

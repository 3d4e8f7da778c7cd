import { parseCheckpoint, type Checkpoint } from './checkpoint';
import { openNote, type NoteSignatureCheck, type NoteVerifier } from './note.verifier';
import type { SignedNote } from './signed-note';
import { WitnessError } from './witness.errors';

/** A log as its readers know it: the origin line it must use and the keys it signs with. */
export interface TrustedLog {
  origin: string;
  verifiers: readonly NoteVerifier[];
}

export interface OpenedCheckpoint {
  checkpoint: Checkpoint;
  note: SignedNote & NoteSignatureCheck;
}

/** The log's signature first (the text means nothing before it verifies), then the body and its origin. */
export function openCheckpoint(raw: string | Uint8Array, log: TrustedLog): OpenedCheckpoint {
  const note = openNote(raw, log.verifiers);
  const checkpoint = parseCheckpoint(note.text);
  if (checkpoint.origin !== log.origin) {
    throw new WitnessError(
      'unknown-origin',
      `the checkpoint's origin ${JSON.stringify(checkpoint.origin)} is not the log's ${JSON.stringify(log.origin)}`,
    );
  }
  return { checkpoint, note };
}

import { Injectable } from '@nestjs/common';
import { readBoundedBody, ResponseTooLargeError } from '@bureaunet/platform';
import {
  checkNoteSignatures,
  cosignatureVerifier,
  parseSignatureLine,
  type NoteSignature,
  type SignedNote,
} from '@bureaunet/witness';
import type { LedgerWitnessConfig } from './ledger-witnesses.config';

/** A witness answers a few signature lines or a size; anything longer is not read. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** What a witness answered one add-checkpoint request (tlog-witness). */
export type WitnessAnswer =
  | { status: 'cosigned'; signatures: NoteSignature[] }
  | { status: 'conflict'; latestSize: number }
  | { status: 'refused'; httpStatus: number; reason: string };

/** One POST <url>/add-checkpoint; the witness's lines are verified before they are believed. */
@Injectable()
export class WitnessClient {
  async addCheckpoint(
    witness: LedgerWitnessConfig,
    body: string,
    checkpointText: string,
    timeoutMs: number,
  ): Promise<WitnessAnswer> {
    const response = await fetch(`${witness.url}/add-checkpoint`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    const text = await boundedText(response);
    if (response.status === 409 && response.headers.get('content-type') === 'text/x.tlog.size') {
      const match = /^(0|[1-9][0-9]{0,15})\n$/.exec(text);
      if (!match) throw new Error(`answered 409 with a size that is not "<decimal>\\n"`);
      return { status: 'conflict', latestSize: Number(match[1]) };
    }
    if (response.status !== 200)
      return { status: 'refused', httpStatus: response.status, reason: text.trim().slice(0, 500) };
    return { status: 'cosigned', signatures: ownSignatures(witness, text, checkpointText) };
  }
}

/** The witness's own cosignature lines, each verified over the checkpoint; others are dropped. */
function ownSignatures(witness: LedgerWitnessConfig, answer: string, checkpointText: string): NoteSignature[] {
  if (!answer.endsWith('\n')) throw new Error('answered 200 without newline-terminated signature lines');
  const lines = answer.slice(0, -1).split('\n');
  const note: SignedNote = { text: checkpointText, signatures: lines.map((line, i) => parseSignatureLine(line, i)) };
  // Throws bad-signature if a line under the witness's key does not verify.
  const { verified } = checkNoteSignatures(note, [cosignatureVerifier(witness)]);
  if (verified.length === 0) throw new Error(`answered 200 without a cosignature from ${witness.name}`);
  return verified.map((line) => line.signature);
}

async function boundedText(response: Response): Promise<string> {
  let body: Buffer;
  try {
    body = await readBoundedBody(response, MAX_ANSWER_BYTES);
  } catch (error) {
    if (error instanceof ResponseTooLargeError) throw new Error(`answered more than ${MAX_ANSWER_BYTES} bytes`);
    throw error;
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(body);
}

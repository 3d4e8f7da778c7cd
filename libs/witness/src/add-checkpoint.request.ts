import { HASH_SIZE } from '@bureaunet/ledger';
import { WitnessError } from './witness.errors';

/**
 * The body of C2SP tlog-witness's add-checkpoint: `old <size>`, up to 63 base64 consistency proof
 * lines, an empty line, then the signed checkpoint. Transport-free: apps/witness serves it over HTTP.
 */
export interface AddCheckpointRequest {
  oldSize: number;
  proof: Buffer[];
  /** The signed checkpoint note, verbatim. */
  checkpoint: string;
}

export const MAX_CONSISTENCY_PROOF_LINES = 63;

const OLD_LINE = /^old (0|[1-9][0-9]*)$/;

export function parseAddCheckpointRequest(body: string): AddCheckpointRequest {
  const blank = body.indexOf('\n\n');
  if (blank < 0) refuse('there is no empty line before the checkpoint');
  const [oldLine, ...proofLines] = body.slice(0, blank).split('\n');
  const match = OLD_LINE.exec(oldLine);
  if (!match) refuse(`the first line ${JSON.stringify(oldLine.slice(0, 40))} is not "old <size>"`);
  const oldSize = Number(match[1]);
  if (!Number.isSafeInteger(oldSize)) refuse(`old size ${match[1]} is beyond 2^53 - 1`);
  if (proofLines.length > MAX_CONSISTENCY_PROOF_LINES) {
    refuse(`${proofLines.length} consistency proof lines, more than ${MAX_CONSISTENCY_PROOF_LINES}`);
  }
  const proof = proofLines.map((line, i) => {
    const hash = Buffer.from(line, 'base64');
    if (hash.toString('base64') !== line || hash.length !== HASH_SIZE) {
      refuse(`consistency proof line ${i + 1} is not the canonical base64 of ${HASH_SIZE} bytes`);
    }
    return hash;
  });
  return { oldSize, proof, checkpoint: body.slice(blank + 2) };
}

export function formatAddCheckpointRequest(request: AddCheckpointRequest): string {
  const lines = [`old ${request.oldSize}`, ...request.proof.map((hash) => hash.toString('base64'))];
  return `${lines.join('\n')}\n\n${request.checkpoint}`;
}

function refuse(why: string): never {
  throw new WitnessError('malformed-request', `add-checkpoint request refused: ${why}`);
}

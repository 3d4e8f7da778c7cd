import { HASH_SIZE } from '@bureaunet/ledger';
import { WitnessError } from './witness.errors';

/** A C2SP tlog-checkpoint body: the note text a log signs for one tree head. */
export interface Checkpoint {
  /** The log's identity, e.g. `bureaunet.example/ledger`; configured per deployment. */
  origin: string;
  treeSize: number;
  /** RFC 6962 Merkle tree hash at treeSize. */
  rootHash: Buffer;
  /** Opaque; not recommended by the spec, kept so a foreign checkpoint round-trips. */
  extensions: string[];
}

export const MAX_CHECKPOINT_EXTENSIONS = 16;
export const MAX_CHECKPOINT_LINE_LENGTH = 1024;

const DECIMAL = /^(0|[1-9][0-9]*)$/;

/** The note text: origin, size and base64 root hash, then any extension lines, each newline-terminated. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, treeSize, rootHash, extensions } = checkpoint;
  if (!Number.isSafeInteger(treeSize) || treeSize < 0)
    refuse(`tree size ${treeSize} is not a non-negative safe integer`);
  if (rootHash.length !== HASH_SIZE) refuse(`root hash has ${rootHash.length} bytes, not ${HASH_SIZE}`);
  const lines = [origin, String(treeSize), rootHash.toString('base64'), ...extensions];
  lines.forEach((line, i) => assertLine(line, i));
  if (extensions.length > MAX_CHECKPOINT_EXTENSIONS)
    refuse(`${extensions.length} extension lines, more than ${MAX_CHECKPOINT_EXTENSIONS}`);
  return lines.map((line) => `${line}\n`).join('');
}

export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) refuse('the text does not end in a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) refuse(`it has ${lines.length} lines, fewer than origin, tree size and root hash`);
  if (lines.length - 3 > MAX_CHECKPOINT_EXTENSIONS)
    refuse(`${lines.length - 3} extension lines, more than ${MAX_CHECKPOINT_EXTENSIONS}`);
  lines.forEach((line, i) => assertLine(line, i));
  const [origin, size, root, ...extensions] = lines;
  if (!DECIMAL.test(size)) refuse(`tree size ${JSON.stringify(size)} is not a decimal without leading zeroes`);
  const treeSize = Number(size);
  if (!Number.isSafeInteger(treeSize)) refuse(`tree size ${size} is beyond 2^53 - 1`);
  const rootHash = Buffer.from(root, 'base64');
  if (rootHash.toString('base64') !== root || rootHash.length !== HASH_SIZE) {
    refuse(`root hash ${JSON.stringify(root)} is not the canonical base64 of ${HASH_SIZE} bytes`);
  }
  return { origin, treeSize, rootHash, extensions };
}

const LINE_NAMES = ['origin', 'tree size', 'root hash'];

function assertLine(line: string, index: number): void {
  const what = LINE_NAMES[index] ?? `extension line ${index - 2}`;
  if (line.length === 0) refuse(`the ${what} line is empty`);
  if (line.includes('\n')) refuse(`the ${what} line contains a newline`);
  if (line.length > MAX_CHECKPOINT_LINE_LENGTH) refuse(`the ${what} line is longer than ${MAX_CHECKPOINT_LINE_LENGTH}`);
}

function refuse(why: string): never {
  throw new WitnessError('malformed-checkpoint', `checkpoint refused: ${why}`);
}

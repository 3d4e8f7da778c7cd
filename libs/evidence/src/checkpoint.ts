/** A C2SP tlog-checkpoint's note text: origin, tree size, root hash, then opaque extension lines. */
export interface Checkpoint {
  origin: string;
  treeSize: number;
  rootHash: Buffer;
  extensions: string[];
}

export function formatCheckpoint(checkpoint: Omit<Checkpoint, 'extensions'>): string {
  return `${checkpoint.origin}\n${checkpoint.treeSize}\n${checkpoint.rootHash.toString('base64')}\n`;
}

export function parseCheckpoint(text: string): Checkpoint {
  const lines = text.split('\n');
  if (lines.pop() !== '' || lines.length < 3) throw new Error('checkpoint has fewer than three lines');
  const [origin = '', size = '', root = '', ...extensions] = lines;
  if (origin === '') throw new Error('checkpoint origin is empty');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(size) || !Number.isSafeInteger(Number(size)))
    throw new Error(`checkpoint tree size "${size}" is not a decimal without leading zeroes`);
  const rootHash = Buffer.from(root, 'base64');
  if (rootHash.length !== 32 || rootHash.toString('base64') !== root)
    throw new Error('checkpoint root hash is not the base64 of 32 bytes');
  if (extensions.some((line) => line === '')) throw new Error('checkpoint has an empty extension line');
  return { origin, treeSize: Number(size), rootHash, extensions };
}

import fc from 'fast-check';
import { formatCheckpoint, MAX_CHECKPOINT_EXTENSIONS, parseCheckpoint, type Checkpoint } from './checkpoint';
import { parseSignedNote } from './signed-note';
import { WitnessError } from './witness.errors';

// C2SP tlog-checkpoint's example.
const example =
  'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n' +
  '— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n';

function refusal(text: string): string | undefined {
  try {
    parseCheckpoint(text);
  } catch (error) {
    if (error instanceof WitnessError) return error.code;
    throw error;
  }
  return undefined;
}

describe('checkpoint', () => {
  it('parses the tlog-checkpoint example and formats it back', () => {
    const { text } = parseSignedNote(example);
    const checkpoint = parseCheckpoint(text);
    expect(checkpoint).toMatchObject({ origin: 'example.com/behind-the-sofa', treeSize: 20852163, extensions: [] });
    expect(checkpoint.rootHash.toString('base64')).toBe('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=');
    expect(formatCheckpoint(checkpoint)).toBe(text);
  });

  it('keeps extension lines', () => {
    const text = 'bureaunet.example/ledger\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\nfirst\nsecond\n';
    expect(parseCheckpoint(text).extensions).toEqual(['first', 'second']);
  });

  const root = 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=';
  it.each([
    ['no final newline', `o\n1\n${root}`],
    ['two lines', 'o\n1\n'],
    ['an empty origin', `\n1\n${root}\n`],
    ['a leading zero', `o\n01\n${root}\n`],
    ['a signed size', `o\n+1\n${root}\n`],
    ['a size beyond 2^53 - 1', `o\n9007199254740993\n${root}\n`],
    ['a 31-byte root', `o\n1\n${Buffer.alloc(31).toString('base64')}\n`],
    ['unpadded base64', `o\n1\n${root.slice(0, -1)}\n`],
    ['an empty extension line', `o\n1\n${root}\n\n`],
    ['too many extensions', `o\n1\n${root}\n${'x\n'.repeat(MAX_CHECKPOINT_EXTENSIONS + 1)}`],
  ])('refuses a body with %s', (_, text) => {
    expect(refusal(text)).toBe('malformed-checkpoint');
  });

  it('round-trips any checkpoint', () => {
    const line = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !/[\n]/.test(s));
    fc.assert(
      fc.property(
        line,
        fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.array(line, { maxLength: 3 }),
        (origin, treeSize, root, extensions) => {
          const checkpoint: Checkpoint = { origin, treeSize, rootHash: Buffer.from(root), extensions };
          expect(parseCheckpoint(formatCheckpoint(checkpoint))).toEqual(checkpoint);
        },
      ),
    );
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { parseCheckpoint } from './checkpoint';
import { cosignedMessage, countCosignatures, signCosignature } from './cosignature';
import {
  assertNoteSignedEd25519,
  NOTE_SIGNATURE_TYPE,
  noteKeyId,
  parseSignedNote,
  signNoteEd25519,
} from './signed-note';

// Published examples of C2SP signed-note, tlog-checkpoint and tlog-cosignature.
const VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const NOTE =
  'This is an example message.\n\n' +
  '\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';
const COSIGNED_CHECKPOINT =
  'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n' +
  '\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n' +
  '\u2014 witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n';

function vkeyParts(vkey: string) {
  const [name = '', id = '', key = ''] = vkey.split('+');
  const bytes = Buffer.from(key, 'base64');
  return { name, id, type: bytes[0], publicKey: bytes.subarray(1) };
}

describe('signed note (C2SP signed-note)', () => {
  it('verifies the published example with its verifier key, whose key ID it recomputes', () => {
    const { name, id, type, publicKey } = vkeyParts(VKEY);
    expect(type).toBe(NOTE_SIGNATURE_TYPE.ed25519);
    expect(noteKeyId(name, NOTE_SIGNATURE_TYPE.ed25519, publicKey).toString('hex')).toBe(id);
    const note = parseSignedNote(NOTE);
    expect(note.text).toBe('This is an example message.\n');
    expect(() => assertNoteSignedEd25519(note, name, publicKey)).not.toThrow();
  });

  it('refuses the example with one changed text byte, and a note without a known signature', () => {
    const { name, publicKey } = vkeyParts(VKEY);
    const changed = parseSignedNote(NOTE.replace('example', 'exbmple'));
    expect(() => assertNoteSignedEd25519(changed, name, publicKey)).toThrow(
      'note signature by example.com/foo does not verify',
    );
    expect(() => assertNoteSignedEd25519(parseSignedNote(NOTE), 'example.com/bar', publicKey)).toThrow(
      'note carries no signature by example.com/bar',
    );
  });

  it('reads the published cosigned checkpoint: body, and the witness timestamp of the example', () => {
    const note = parseSignedNote(COSIGNED_CHECKPOINT);
    const checkpoint = parseCheckpoint(note.text);
    expect(checkpoint).toMatchObject({ origin: 'example.com/behind-the-sofa', treeSize: 20852163, extensions: [] });
    const witness = note.signatures.find((s) => s.name === 'witness.example.com/w1');
    expect(witness?.signature.readBigUInt64BE(0)).toBe(1679315147n);
    expect(cosignedMessage(note.text, 1679315147).toString()).toBe(
      'cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n',
    );
  });

  it('refuses malformed notes and checkpoints, naming what is wrong', () => {
    expect(() => parseSignedNote('text\n\u2014 a AAAA\n')).toThrow('no blank line');
    expect(() => parseSignedNote('text\n\n\u2014 a+b AAAAAAA=\n')).toThrow('signature line 1');
    expect(() => parseSignedNote('te\u0007xt\n\n\u2014 a AAAAAAA=\n')).toThrow('control characters');
    expect(() => parseCheckpoint('o\n012\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n')).toThrow('leading zeroes');
    expect(() => parseCheckpoint('o\n12\nAAAA\n')).toThrow('32 bytes');
  });
});

describe('cosignature/v1 (C2SP tlog-cosignature)', () => {
  const text = 'log.example/1\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
  const log = generateKeyPairSync('ed25519');
  const witness = { name: 'w.example/1', ...generateKeyPairSync('ed25519') };
  const now = new Date(1_800_000_000_000);

  const noteWith = (...lines: string[]) =>
    parseSignedNote(`${text}\n${signNoteEd25519(text, 'log.example/1', log.privateKey)}${lines.join('')}`);

  it('counts a known witness once its signature over the header, time line and body verifies', () => {
    const count = countCosignatures(
      noteWith(signCosignature(text, witness.name, witness.privateKey, 1_799_999_000)),
      [witness],
      now,
    );
    expect(count).toEqual({ verified: [{ name: witness.name, timestamp: 1_799_999_000 }], failed: [] });
  });

  it('ignores lines of unknown keys, and fails a known witness whose line is wrong or dated ahead', () => {
    const stranger = generateKeyPairSync('ed25519');
    const other = signCosignature(text, witness.name, stranger.privateKey, 1_799_999_000);
    expect(countCosignatures(noteWith(other), [witness], now)).toEqual({ verified: [], failed: [] });
    const future = signCosignature(text, witness.name, witness.privateKey, 1_800_000_100);
    expect(countCosignatures(noteWith(future), [witness], now).failed[0]?.reason).toMatch(/future/);
    const line = signCosignature(text, witness.name, witness.privateKey, 1_799_999_000);
    const bytes = Buffer.from(line.trim().split(' ')[2] ?? '', 'base64');
    bytes[20] = (bytes[20] ?? 0) ^ 1;
    const forged = `\u2014 ${witness.name} ${bytes.toString('base64')}\n`;
    expect(countCosignatures(noteWith(forged), [witness], now).failed[0]?.reason).toBe('does not verify');
  });
});

import { openNote } from './note.verifier';
import { formatSignedNote, MAX_NOTE_SIGNATURES, parseSignedNote } from './signed-note';
import { verifierFromKey } from './verifier-key';
import { WitnessError } from './witness.errors';

// golang.org/x/mod/sumdb/note note_test.go (TestOpen, TestSign).
const peterKey = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const enochKey = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const peterSig =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const enochSig =
  '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';
const peter = verifierFromKey(peterKey);
const enoch = verifierFromKey(enochKey);

function code(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof WitnessError) return error.code;
    throw error;
  }
  return undefined;
}

describe('signed note', () => {
  it('verifies the C2SP signed-note example with its verifier key, and refuses it with one text byte changed', () => {
    const vkey = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
    const note =
      'This is an example message.\n\n' +
      '— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';
    const opened = openNote(note, [verifierFromKey(vkey)]);
    expect(opened.text).toBe('This is an example message.\n');
    expect(opened.verified.map((v) => v.signature.keyId)).toEqual([0x530d903a]);
    // One changed byte of the text: the example's signature no longer verifies.
    const changed = note.replace('example message', 'exbmple message');
    expect(code(() => openNote(changed, [verifierFromKey(vkey)]))).toBe('bad-signature');
  });

  it("opens Go's vectors: one key verified, the other ignored as unknown", () => {
    const opened = openNote(`${text}\n${peterSig}${enochSig}`, [peter]);
    expect(opened.text).toBe(text);
    expect(opened.verified.map((v) => [v.signature.name, v.signature.keyId])).toEqual([['PeterNeumann', 0xc74f20a3]]);
    expect(opened.unknown.map((s) => [s.name, s.keyId])).toEqual([['EnochRoot', 0xaf0cfe78]]);
    expect(openNote(`${text}\n${peterSig}${enochSig}`, [peter, enoch]).verified).toHaveLength(2);
  });

  it('refuses a note with no signature from a trusted key', () => {
    expect(code(() => openNote(`${text}\n${peterSig}${enochSig}`, []))).toBe('no-trusted-signature');
  });

  it('refuses two trusted keys with the same name and key ID', () => {
    expect(code(() => openNote(`${text}\n${enochSig}`, [enoch, peter, enoch]))).toBe('malformed-key');
  });

  it("rejects the whole note when a known key's signature fails (Go's ABCD insertion)", () => {
    const bad = `${text}\n${peterSig.slice(0, 60)}ABCD${peterSig.slice(60)}`;
    expect(code(() => openNote(bad, [peter]))).toBe('bad-signature');
    // The same corruption on an unknown key's line is ignored.
    const enochBad = `${enochSig.slice(0, 60)}ABCD${enochSig.slice(60)}`;
    expect(openNote(`${text}\n${peterSig}${peterSig}${enochSig}${enochBad}`, [peter]).unknown).toHaveLength(2);
  });

  it('reformats the parsed vector byte for byte', () => {
    const note = `${text}\n${peterSig}${enochSig}`;
    expect(formatSignedNote(parseSignedNote(note))).toBe(note);
    expect(formatSignedNote(parseSignedNote(Buffer.from(note, 'utf8')))).toBe(note);
  });

  it.each([
    ['no blank line and no signatures', text],
    ['a blank line and no signatures', `${text}\n`],
    ['a signature line without its newline', `${text}\n${peterSig.slice(0, -1)}`],
    ['a control character', `\x01${text}\n${peterSig}`],
    [
      'a key name with a space',
      `${text}\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`,
    ],
    ['a line after the signatures', `${text}\n${peterSig}Unexpected line.\n`],
    ['a key name with a plus', `${text}\n${peterSig.replace('PeterNeumann', 'Peter+Neumann')}`],
    ['non-canonical base64', `${text}\n${peterSig.replace('M=\n', 'M\n')}`],
    ['a signature shorter than key ID and signature', `${text}\n— PeterNeumann AAAAAA==\n`],
    ['too many signatures', `${text}\n${peterSig.repeat(MAX_NOTE_SIGNATURES + 1)}`],
  ])('refuses a note with %s as malformed', (_, note) => {
    expect(code(() => parseSignedNote(note))).toBe('malformed-note');
  });

  it('refuses bytes that are not UTF-8', () => {
    const note = Buffer.concat([Buffer.from([0xff]), Buffer.from(`${text}\n${peterSig}`)]);
    expect(code(() => parseSignedNote(note))).toBe('malformed-note');
  });

  it('accepts the spec minimum of 16 signatures', () => {
    expect(openNote(`${text}\n${peterSig.repeat(16)}`, [peter]).verified).toHaveLength(16);
  });

  it('separates the text at the last blank line, so the text may hold blank lines', () => {
    const poem = 'Ognuno sta solo sul cuor della terra\n\ned è subito sera.\n';
    const note = parseSignedNote(`${poem}\n${peterSig}`);
    expect(note.text).toBe(poem);
  });
});

import { generateKeyPairSync, sign } from 'node:crypto';
import {
  cosignatureKeyId,
  cosignatureMessage,
  cosignatureSigner,
  cosignatureTimestamp,
  cosignatureVerifier,
} from './cosignature';
import { rawEd25519PublicKey } from './ed25519.raw-key';
import { formatVerifierKey, NOTE_SIGNATURE_TYPE, noteKeyId } from './note-key';
import { noteSignature, signNote } from './note.signer';
import { openNote } from './note.verifier';
import { parseSignedNote } from './signed-note';
import { trustedWitnessFromKey, verifierFromKey } from './verifier-key';
import { WitnessError } from './witness.errors';

const body = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const raw = rawEd25519PublicKey(publicKey);
const name = 'witness.example.com/w1';

describe('cosignature/v1', () => {
  it("signs the tlog-cosignature example's message, byte for byte", () => {
    const message = cosignatureMessage(1679315147, body);
    expect(message.toString('utf8')).toBe(
      'cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n',
    );
    // Ed25519 is deterministic: the line's bytes are timestamp || sign(message), nothing else.
    const signature = noteSignature(
      body,
      cosignatureSigner(name, privateKey, () => 1679315147),
    );
    const timestamp = Buffer.from('00000000641850cb', 'hex');
    expect(signature.signature).toEqual(Buffer.concat([timestamp, sign(null, message, privateKey)]));
  });

  it("reads time 1679315147 from the tlog-cosignature example's witness line", () => {
    const line =
      '— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n';
    const [signature] = parseSignedNote(`${body}\n${line}`).signatures;
    expect(signature.keyId).toBe(0x8d66cf3f);
    expect(cosignatureTimestamp(signature)).toBe(1679315147);
  });

  it('uses key ID SHA-256(name || 0x0A || 0x04 || key)[:4]', () => {
    const id = cosignatureKeyId(name, raw);
    expect(id).toBe(noteKeyId({ name, type: NOTE_SIGNATURE_TYPE.cosignatureV1, publicKey: raw }));
    const vkey = formatVerifierKey({ name, type: NOTE_SIGNATURE_TYPE.cosignatureV1, publicKey: raw });
    expect(vkey.split('+')[2].startsWith('B')).toBe(true); // base64 of 0x04 || key starts with "B"
    expect(verifierFromKey(vkey).keyId).toBe(id);
  });

  it('produces a cosignature that verifies, with its timestamp', () => {
    const note = signNote(body, [cosignatureSigner(name, privateKey, () => 1700000000)]);
    const opened = openNote(note, [cosignatureVerifier({ name, publicKey: raw })]);
    expect(cosignatureTimestamp(opened.verified[0].signature)).toBe(1700000000);
  });

  it('fails on a changed timestamp, body byte or extension line', () => {
    const verifier = cosignatureVerifier({ name, publicKey: raw });
    const signature = noteSignature(
      `${body}ext\n`,
      cosignatureSigner(name, privateKey, () => 1700000000),
    ).signature;
    const moved = Buffer.from(signature);
    moved[7] ^= 1;
    expect(verifier.verify(Buffer.from(`${body}ext\n`), signature)).toBe(true);
    expect(verifier.verify(Buffer.from(`${body}ext\n`), moved)).toBe(false);
    expect(verifier.verify(Buffer.from(`${body}exu\n`), signature)).toBe(false);
    expect(verifier.verify(Buffer.from(`${body}ext\n`), signature.subarray(0, 71))).toBe(false);
  });

  it('is not a plain note signature: a type 0x01 verifier of the same key ignores it', () => {
    const note = signNote(body, [cosignatureSigner(name, privateKey, () => 1700000000)]);
    const plain = verifierFromKey(formatVerifierKey({ name, type: NOTE_SIGNATURE_TYPE.ed25519, publicKey: raw }));
    expect(() => openNote(note, [plain])).toThrow(expect.objectContaining({ code: 'no-trusted-signature' }));
  });

  it('takes only a cosignature/v1 vkey as a witness', () => {
    const plain = formatVerifierKey({ name, type: NOTE_SIGNATURE_TYPE.ed25519, publicKey: raw });
    expect(() => trustedWitnessFromKey(plain)).toThrow(expect.objectContaining({ code: 'bad-policy' }));
    const cosigner = formatVerifierKey({ name, type: NOTE_SIGNATURE_TYPE.cosignatureV1, publicKey: raw });
    expect(trustedWitnessFromKey(cosigner)).toEqual({ name, publicKey: raw });
  });

  it('reads the timestamp only from a 72-byte cosignature', () => {
    const [signature] = parseSignedNote(`${body}\n— ${name} AAAAAAAAAA==\n`).signatures;
    expect(() => cosignatureTimestamp(signature)).toThrow(WitnessError);
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { formatCheckpoint } from './checkpoint';
import { cosignatureSigner } from './cosignature';
import { verifyCosignedCheckpoint, type CosignedCheckpointPolicy } from './cosigned-checkpoint.verifier';
import { rawEd25519PublicKey } from './ed25519.raw-key';
import { ed25519NoteSigner, noteSignature, type NoteSigner } from './note.signer';
import { ed25519NoteVerifier } from './note.verifier';
import { formatSignedNote, parseSignedNote, type NoteSignature } from './signed-note';
import { WitnessError } from './witness.errors';

const ORIGIN = 'bureaunet.example/ledger';
const text = formatCheckpoint({ origin: ORIGIN, treeSize: 42, rootHash: Buffer.alloc(32, 7), extensions: [] });
const logKey = generateKeyPairSync('ed25519');
const logSigner = ed25519NoteSigner(ORIGIN, logKey.privateKey);
const log = {
  origin: ORIGIN,
  verifiers: [ed25519NoteVerifier({ name: ORIGIN, publicKey: rawEd25519PublicKey(logKey.publicKey) })],
};

const witnesses = ['w.bureau-a.example/1', 'w.dpa.example/1', 'w.court.example/1'].map((name, i) => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    name,
    publicKey: rawEd25519PublicKey(publicKey),
    signer: cosignatureSigner(name, privateKey, () => 1764637200 + i),
  };
});
const policy = (quorum: number): CosignedCheckpointPolicy => ({ log, witnesses, quorum });

function note(...signers: NoteSigner[]): string {
  return formatSignedNote({ text, signatures: [logSigner, ...signers].map((s) => noteSignature(text, s)) });
}

function failure(run: () => unknown): WitnessError {
  try {
    run();
  } catch (error) {
    if (error instanceof WitnessError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('verifyCosignedCheckpoint', () => {
  it('names the witnesses that cosigned, with their times, and the ones missing', () => {
    const result = verifyCosignedCheckpoint(note(witnesses[0].signer, witnesses[2].signer), policy(2));
    expect(result.checkpoint.treeSize).toBe(42);
    expect(result.cosigners.map((c) => [c.name, c.timestamp])).toEqual([
      ['w.bureau-a.example/1', 1764637200],
      ['w.court.example/1', 1764637202],
    ]);
    expect(result.missing).toEqual([expect.stringMatching(/^w\.dpa\.example\/1\+[0-9a-f]{8}$/)]);
  });

  it('fails with quorum-not-met naming who signed and who is missing', () => {
    const error = failure(() => verifyCosignedCheckpoint(note(witnesses[1].signer), policy(2)));
    expect(error.code).toBe('quorum-not-met');
    expect(error.message).toContain('1 of the required 2 witnesses');
    expect(error.message).toContain('signed: w.dpa.example/1');
    expect(error.message).toMatch(/missing: w\.bureau-a\.example\/1\+[0-9a-f]{8}, w\.court\.example\/1\+/);
  });

  it('counts a witness once however many lines it has', () => {
    const twice = note(witnesses[0].signer, witnesses[0].signer);
    expect(failure(() => verifyCosignedCheckpoint(twice, policy(2))).code).toBe('quorum-not-met');
  });

  it('ignores cosignatures from unknown witnesses', () => {
    const stranger = cosignatureSigner('w.unknown.example/1', generateKeyPairSync('ed25519').privateKey, () => 1);
    expect(failure(() => verifyCosignedCheckpoint(note(stranger, witnesses[0].signer), policy(2))).code).toBe(
      'quorum-not-met',
    );
  });

  it('rejects the note when a trusted witness line is tampered', () => {
    const parsed = parseSignedNote(note(witnesses[0].signer, witnesses[1].signer, witnesses[2].signer));
    const tampered = parsed.signatures.map((s: NoteSignature, i) =>
      i === 2 ? { ...s, signature: Buffer.from(s.signature).fill(0, 0, 8) } : s,
    );
    const error = failure(() => verifyCosignedCheckpoint(formatSignedNote({ text, signatures: tampered }), policy(2)));
    expect(error.code).toBe('bad-signature');
    expect(error.message).toContain('w.dpa.example/1');
  });

  it('requires the log signature, whatever the witnesses say', () => {
    const withoutLog = formatSignedNote({ text, signatures: witnesses.map((w) => noteSignature(text, w.signer)) });
    expect(failure(() => verifyCosignedCheckpoint(withoutLog, policy(1))).code).toBe('no-trusted-signature');
  });

  it('refuses a cosignature moved onto another checkpoint', () => {
    const other = formatCheckpoint({ origin: ORIGIN, treeSize: 43, rootHash: Buffer.alloc(32, 7), extensions: [] });
    const moved = formatSignedNote({
      text: other,
      signatures: [noteSignature(other, logSigner), ...parseSignedNote(note(witnesses[0].signer)).signatures.slice(1)],
    });
    expect(failure(() => verifyCosignedCheckpoint(moved, policy(1))).code).toBe('bad-signature');
  });

  it('refuses a quorum of 0 or more than the trusted witnesses', () => {
    expect(failure(() => verifyCosignedCheckpoint(note(), policy(0))).code).toBe('bad-policy');
    expect(failure(() => verifyCosignedCheckpoint(note(), policy(4))).code).toBe('bad-policy');
  });
});

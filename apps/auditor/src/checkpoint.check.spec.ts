import { generateKeyPairSync } from 'node:crypto';
import { EMPTY_ROOT } from '@bureaunet/ledger';
import {
  cosignatureSigner,
  ed25519NoteSigner,
  formatCheckpoint,
  formatVerifierKey,
  NOTE_SIGNATURE_TYPE,
  rawEd25519PublicKey,
  signNote,
} from '@bureaunet/witness';
import { UsageError, VerificationFailure } from './audit.errors';
import { checkCheckpoint, checkCheckpointOfHead, checkpointPolicy } from './checkpoint.check';

const ORIGIN = 'bureaunet.example/ledger';
const log = generateKeyPairSync('ed25519').privateKey;
const witnessA = generateKeyPairSync('ed25519').privateKey;
const witnessB = generateKeyPairSync('ed25519').privateKey;
const vkey = (name: string, key: typeof log, type: 0x01 | 0x04) =>
  formatVerifierKey({ name, type, publicKey: rawEd25519PublicKey(key) });
const LOG_KEY = vkey(ORIGIN, log, NOTE_SIGNATURE_TYPE.ed25519);
const WITNESS_A = vkey('witness.a.example', witnessA, NOTE_SIGNATURE_TYPE.cosignatureV1);
const WITNESS_B = vkey('witness.b.example', witnessB, NOTE_SIGNATURE_TYPE.cosignatureV1);
const text = formatCheckpoint({ origin: ORIGIN, treeSize: 0, rootHash: EMPTY_ROOT, extensions: [] });
const note = signNote(text, [
  ed25519NoteSigner(ORIGIN, log),
  cosignatureSigner('witness.a.example', witnessA, () => 1_764_000_000),
]);

describe('the auditor checkpoint check', () => {
  it('passes a quorum the cosigners meet and fails one they do not, naming who is missing', () => {
    const one = checkCheckpoint(
      note,
      checkpointPolicy({ logKey: LOG_KEY, witnesses: [WITNESS_A, WITNESS_B], quorum: 1 }),
    );
    expect(one.cosigners.map((c) => c.name)).toEqual(['witness.a.example']);
    expect(() =>
      checkCheckpoint(note, checkpointPolicy({ logKey: LOG_KEY, witnesses: [WITNESS_A, WITNESS_B] })),
    ).toThrow(VerificationFailure);
    expect(() =>
      checkCheckpoint(note, checkpointPolicy({ logKey: LOG_KEY, witnesses: [WITNESS_A, WITNESS_B] })),
    ).toThrow(/quorum-not-met: 1 of the required 2 .*missing: witness\.b\.example\+/);
  });

  it('checks the log signature alone without witnesses, and refuses another key', () => {
    expect(checkCheckpoint(note, checkpointPolicy({ logKey: LOG_KEY, witnesses: [] })).checkpoint.treeSize).toBe(0);
    const other = vkey(ORIGIN, generateKeyPairSync('ed25519').privateKey, NOTE_SIGNATURE_TYPE.ed25519);
    expect(() => checkCheckpoint(note, checkpointPolicy({ logKey: other, witnesses: [] }))).toThrow(
      /no-trusted-signature/,
    );
  });

  it('refuses bad keys and quorums as usage errors naming the option', () => {
    expect(() => checkpointPolicy({ logKey: WITNESS_A, witnesses: [] })).toThrow(
      new UsageError('--log-key: it is not an Ed25519 (0x01) key'),
    );
    expect(() => checkpointPolicy({ logKey: LOG_KEY, witnesses: [LOG_KEY] })).toThrow(/^--witness: /);
    expect(() => checkpointPolicy({ logKey: LOG_KEY, witnesses: [WITNESS_A], quorum: 2 })).toThrow(
      new UsageError('--quorum 2 must be between 1 and the 1 --witness keys'),
    );
    expect(() => checkpointPolicy({ logKey: 'nonsense', witnesses: [] })).toThrow(UsageError);
  });

  it('requires the checkpoint to be of the head: same size and root', () => {
    const head = { treeSize: 0, rootHash: EMPTY_ROOT, timestamp: 0 };
    expect(() => checkCheckpointOfHead({ treeSize: 0, rootHash: EMPTY_ROOT }, head, 'the bundle')).not.toThrow();
    expect(() => checkCheckpointOfHead({ treeSize: 1, rootHash: EMPTY_ROOT }, head, 'the bundle')).toThrow(
      /the bundle's checkpoint \(size 1/,
    );
  });
});

import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import { consistencyProof, EMPTY_ROOT, hashLeaf, InMemorySubtreeHashSource, rootAt } from '@bureaunet/ledger';
import type { AddCheckpointRequest } from './add-checkpoint.request';
import { formatCheckpoint, parseCheckpoint } from './checkpoint';
import { verifyCosignedCheckpoint } from './cosigned-checkpoint.verifier';
import { rawEd25519PublicKey } from './ed25519.raw-key';
import { parseVerifierKey } from './note-key';
import { ed25519NoteSigner, signNote } from './note.signer';
import { ed25519NoteVerifier, openNote } from './note.verifier';
import type { TrustedLog } from './signed-checkpoint';
import { formatSignedNote, parseSignedNote } from './signed-note';
import { trustedWitnessFromKey } from './verifier-key';
import { Witness, type AddCheckpointOutcome } from './witness';
import { InMemoryWitnessCheckpointRepository } from './witness-checkpoint.repository';
import { LogMisbehaviourError, WitnessError } from './witness.errors';

const ORIGIN = 'bureaunet.example/ledger';
const NOW = Date.UTC(2026, 11, 2, 1, 0, 0);

/** A log that signs checkpoints over its own leaves; two logs made from one key can fork. */
class TestLog {
  readonly source = new InMemorySubtreeHashSource();

  constructor(
    readonly privateKey: KeyObject,
    private readonly tag: string,
    readonly origin = ORIGIN,
  ) {}

  static create(tag = 'honest'): TestLog {
    return new TestLog(generateKeyPairSync('ed25519').privateKey, tag);
  }

  /** The same key and the same first leaves, then leaves of its own. */
  fork(tag: string, sharedLeaves = 0): TestLog {
    const other = new TestLog(this.privateKey, tag, this.origin);
    for (let i = 0; i < sharedLeaves; i++) other.source.append(this.source.subtreeRoot(i, i + 1));
    return other;
  }

  get trusted(): TrustedLog {
    const publicKey = rawEd25519PublicKey(this.privateKey);
    return { origin: this.origin, verifiers: [ed25519NoteVerifier({ name: this.origin, publicKey })] };
  }

  get size(): number {
    return this.source.leafCount;
  }

  append(count: number): this {
    for (let i = 0; i < count; i++) this.source.append(hashLeaf(Buffer.from(`${this.tag} ${this.size}`)));
    return this;
  }

  async checkpoint(size = this.size): Promise<string> {
    const text = formatCheckpoint({
      origin: this.origin,
      treeSize: size,
      rootHash: await rootAt(this.source, size),
      extensions: [],
    });
    return signNote(text, [ed25519NoteSigner(this.origin, this.privateKey)]);
  }

  async request(oldSize: number, size = this.size): Promise<AddCheckpointRequest> {
    return {
      oldSize,
      proof: await consistencyProof(this.source, oldSize, size),
      checkpoint: await this.checkpoint(size),
    };
  }
}

function makeWitness(logs: TrustedLog[], name = 'witness.bureau-a.example/w1') {
  const repository = new InMemoryWitnessCheckpointRepository();
  const { privateKey } = generateKeyPairSync('ed25519');
  const witness = new Witness({ name, privateKey, logs, repository, now: () => NOW });
  return { witness, repository };
}

async function refusal(outcome: Promise<AddCheckpointOutcome>): Promise<WitnessError> {
  try {
    await outcome;
  } catch (error) {
    if (error instanceof WitnessError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function cosigned(outcome: AddCheckpointOutcome): Extract<AddCheckpointOutcome, { status: 'cosigned' }> {
  if (outcome.status !== 'cosigned') throw new Error(`expected a cosignature, got a conflict at ${outcome.latestSize}`);
  return outcome;
}

describe('Witness', () => {
  it('cosigns a first checkpoint from old size 0 and serves it with both signatures', async () => {
    const log = TestLog.create().append(5);
    const { witness } = makeWitness([log.trusted]);
    const outcome = cosigned(await witness.addCheckpoint(await log.request(0)));
    expect(outcome.signatureLines).toMatch(/^— witness\.bureau-a\.example\/w1 [A-Za-z0-9+/=]+\n$/);
    const latest = (await witness.latest(ORIGIN))!;
    const key = parseVerifierKey(witness.verifierKey);
    const witnesses = [trustedWitnessFromKey(witness.verifierKey)];
    const verified = verifyCosignedCheckpoint(latest, { log: log.trusted, witnesses, quorum: 1 });
    expect(verified.checkpoint.treeSize).toBe(5);
    expect(verified.cosigners).toEqual([{ name: key.name, keyId: key.keyId, timestamp: NOW / 1000 }]);
  });

  it('cosigns growth proven consistent, and a resubmission of the same head', async () => {
    const log = TestLog.create().append(5);
    const { witness } = makeWitness([log.trusted]);
    cosigned(await witness.addCheckpoint(await log.request(0)));
    log.append(7);
    expect(cosigned(await witness.addCheckpoint(await log.request(5))).checkpoint.treeSize).toBe(12);
    expect(cosigned(await witness.addCheckpoint(await log.request(12))).checkpoint.treeSize).toBe(12);
  });

  it('answers a stale old size with a conflict naming its latest size', async () => {
    const log = TestLog.create().append(5);
    const { witness } = makeWitness([log.trusted]);
    cosigned(await witness.addCheckpoint(await log.request(0)));
    log.append(3);
    expect(await witness.addCheckpoint(await log.request(0))).toEqual({ status: 'conflict', latestSize: 5 });
    expect(await witness.addCheckpoint(await log.request(6))).toEqual({ status: 'conflict', latestSize: 5 });
  });

  it('refuses a rollback', async () => {
    const log = TestLog.create().append(12);
    const { witness } = makeWitness([log.trusted]);
    cosigned(await witness.addCheckpoint(await log.request(0)));
    const older = { oldSize: 12, proof: [], checkpoint: await log.checkpoint(5) };
    expect((await refusal(witness.addCheckpoint(older))).code).toBe('old-size-larger');
    expect(await witness.addCheckpoint(await log.request(5, 5))).toEqual({ status: 'conflict', latestSize: 12 });
    expect(parseCheckpoint(openNote((await witness.latest(ORIGIN))!, log.trusted.verifiers).text).treeSize).toBe(12);
  });

  it('reports a split view, a second root at the cosigned size, with both signed checkpoints', async () => {
    const honest = TestLog.create().append(5);
    const liar = honest.fork('liar').append(5);
    const { witness } = makeWitness([honest.trusted]);
    cosigned(await witness.addCheckpoint(await honest.request(0)));
    const error = await refusal(witness.addCheckpoint(await liar.request(5)));
    expect(error).toBeInstanceOf(LogMisbehaviourError);
    expect(error.code).toBe('split-view');
    const { evidence } = error as LogMisbehaviourError;
    const [cosignedHead, presentedHead] = [evidence.cosigned, evidence.presented].map((note) =>
      parseCheckpoint(openNote(note, honest.trusted.verifiers).text),
    );
    expect(cosignedHead.treeSize).toBe(5);
    expect(presentedHead.treeSize).toBe(5);
    expect(cosignedHead.rootHash.equals(presentedHead.rootHash)).toBe(false);
  });

  it('refuses a forked tree that no proof joins to the cosigned one, keeping the evidence', async () => {
    const honest = TestLog.create().append(5);
    const liar = honest.fork('liar', 3).append(6);
    const { witness } = makeWitness([honest.trusted]);
    cosigned(await witness.addCheckpoint(await honest.request(0)));
    const error = await refusal(witness.addCheckpoint(await liar.request(5)));
    expect(error.code).toBe('bad-consistency-proof');
    expect((error as LogMisbehaviourError).evidence.origin).toBe(ORIGIN);
  });

  it('refuses a consistency proof with one bit flipped, or a proof from the empty tree', async () => {
    const log = TestLog.create().append(5);
    const { witness } = makeWitness([log.trusted]);
    const fromEmpty = { ...(await log.request(0)), proof: [Buffer.alloc(32)] };
    const fromNothing = await refusal(witness.addCheckpoint(fromEmpty));
    expect(fromNothing.code).toBe('bad-consistency-proof');
    expect(fromNothing).not.toBeInstanceOf(LogMisbehaviourError);
    cosigned(await witness.addCheckpoint(await log.request(0)));
    log.append(6);
    const request = await log.request(5);
    request.proof[1] = Buffer.from(request.proof[1]);
    request.proof[1][0] ^= 1;
    expect((await refusal(witness.addCheckpoint(request))).code).toBe('bad-consistency-proof');
  });

  it('refuses an unknown origin, an untrusted key and a tampered log signature', async () => {
    const log = TestLog.create().append(5);
    const { witness } = makeWitness([log.trusted]);
    const stranger = new TestLog(generateKeyPairSync('ed25519').privateKey, 's', 'other.example/log').append(1);
    expect((await refusal(witness.addCheckpoint(await stranger.request(0)))).code).toBe('unknown-origin');
    const impostor = new TestLog(generateKeyPairSync('ed25519').privateKey, 'i').append(5);
    expect((await refusal(witness.addCheckpoint(await impostor.request(0)))).code).toBe('no-trusted-signature');
    const request = await log.request(0);
    const note = parseSignedNote(request.checkpoint);
    note.signatures[0].signature[10] ^= 1;
    const tampered = { ...request, checkpoint: formatSignedNote(note) };
    expect((await refusal(witness.addCheckpoint(tampered))).code).toBe('bad-signature');
  });

  it('cosigns an empty tree only with the empty root', async () => {
    const log = TestLog.create();
    const { witness } = makeWitness([log.trusted]);
    const text = formatCheckpoint({ origin: ORIGIN, treeSize: 0, rootHash: Buffer.alloc(32), extensions: [] });
    const signer = ed25519NoteSigner(ORIGIN, log.privateKey);
    const wrong = { oldSize: 0, proof: [], checkpoint: signNote(text, [signer]) };
    expect((await refusal(witness.addCheckpoint(wrong))).code).toBe('empty-tree-root');
    const empty = await log.request(0);
    expect(parseCheckpoint(openNote(empty.checkpoint, log.trusted.verifiers).text).rootHash).toEqual(EMPTY_ROOT);
    cosigned(await witness.addCheckpoint(empty));
  });

  it('cosigns only one of two concurrent submissions from the same old size', async () => {
    const log = TestLog.create().append(5);
    const { witness } = makeWitness([log.trusted]);
    cosigned(await witness.addCheckpoint(await log.request(0)));
    log.append(4);
    const outcomes = await Promise.all([
      witness.addCheckpoint(await log.request(5, 8)),
      witness.addCheckpoint(await log.request(5, 9)),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['conflict', 'cosigned']);
  });

  it('never cosigns two roots at one size, nor a smaller tree, whatever an honest log and a liar submit', async () => {
    const step = fc.record({
      liar: fc.boolean(),
      append: fc.nat({ max: 6 }),
      staleOldSize: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), fc.nat({ max: 4 }), async (steps, shared) => {
        const honest = TestLog.create().append(shared);
        const liar = honest.fork('liar', shared);
        const { witness, repository } = makeWitness([honest.trusted]);
        const rootsBySize = new Map<number, Set<string>>();
        let cosignedSize = 0;
        for (const { liar: lying, append, staleOldSize } of steps) {
          const log = lying ? liar : honest;
          log.append(append);
          const latest = (await repository.latest(ORIGIN))?.treeSize ?? 0;
          const oldSize = staleOldSize ? Math.floor(latest / 2) : latest;
          if (oldSize > log.size) continue;
          const outcome = await witness.addCheckpoint(await log.request(oldSize)).catch((error: unknown) => {
            if (error instanceof WitnessError) return undefined;
            throw error;
          });
          if (outcome?.status !== 'cosigned') continue;
          const { treeSize, rootHash } = outcome.checkpoint;
          expect(treeSize).toBeGreaterThanOrEqual(cosignedSize);
          cosignedSize = treeSize;
          const roots = rootsBySize.get(treeSize) ?? new Set<string>();
          rootsBySize.set(treeSize, roots.add(rootHash.toString('hex')));
          expect(roots.size).toBe(1);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('cosigns every honest head across random appends', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 8 }), async (appends) => {
        const log = TestLog.create();
        const { witness } = makeWitness([log.trusted]);
        let oldSize = 0;
        for (const count of appends) {
          log.append(count);
          expect(cosigned(await witness.addCheckpoint(await log.request(oldSize))).checkpoint.treeSize).toBe(log.size);
          oldSize = log.size;
        }
      }),
      { numRuns: 40 },
    );
  });
});

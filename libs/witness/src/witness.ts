import type { KeyObject } from 'node:crypto';
import { EMPTY_ROOT, MerkleProofError, verifyConsistency } from '@bureaunet/ledger';
import type { AddCheckpointRequest } from './add-checkpoint.request';
import { parseCheckpoint, type Checkpoint } from './checkpoint';
import { cosignatureSigner } from './cosignature';
import { rawEd25519PublicKey } from './ed25519.raw-key';
import { formatVerifierKey, NOTE_SIGNATURE_TYPE } from './note-key';
import { noteSignature } from './note.signer';
import { openCheckpoint, type OpenedCheckpoint, type TrustedLog } from './signed-checkpoint';
import { formatSignatureLine, formatSignedNote, parseSignedNote, type NoteSignature } from './signed-note';
import { LogMisbehaviourError, WitnessError } from './witness.errors';
import type { CosignedCheckpoint, WitnessCheckpointRepository } from './witness-checkpoint.repository';

export interface WitnessOptions {
  /** The cosigner's key name, e.g. `witness.bureau-a.example/w1`. */
  name: string;
  privateKey: KeyObject;
  logs: readonly TrustedLog[];
  repository: WitnessCheckpointRepository;
  /** Milliseconds since the epoch. */
  now: () => number;
}

/** tlog-witness add-checkpoint's answers other than a refusal (thrown as a WitnessError). */
export type AddCheckpointOutcome =
  | { status: 'cosigned'; checkpoint: Checkpoint; cosignature: NoteSignature; signatureLines: string }
  /** 409 Conflict: the client's old size is not the witness's; it should retry from latestSize. */
  | { status: 'conflict'; latestSize: number };

/**
 * A witness's core, following tlog-witness add-checkpoint: verify the log's signature, check the
 * old size against the latest cosigned one, verify the RFC 6962 consistency proof, then cosign
 * and persist atomically. HTTP status mapping is the caller's: unknown-origin 404,
 * no-trusted-signature and bad-signature 403, old-size-larger and malformed-* 400, conflict 409,
 * empty-tree-root, bad-consistency-proof and split-view 422.
 */
export class Witness {
  private readonly logs: ReadonlyMap<string, TrustedLog>;

  constructor(private readonly options: WitnessOptions) {
    this.logs = new Map(options.logs.map((log) => [log.origin, log]));
    if (this.logs.size !== options.logs.length) {
      throw new WitnessError('bad-policy', 'two trusted logs share an origin');
    }
  }

  /** The witness's vkey (signature type 0x04), for the logs and clients that trust it. */
  get verifierKey(): string {
    const publicKey = rawEd25519PublicKey(this.options.privateKey);
    return formatVerifierKey({ name: this.options.name, type: NOTE_SIGNATURE_TYPE.cosignatureV1, publicKey });
  }

  /** The latest cosigned checkpoint note for a log (monitor retrieval), if any. */
  async latest(origin: string): Promise<string | undefined> {
    return (await this.options.repository.latest(origin))?.note;
  }

  async addCheckpoint(request: AddCheckpointRequest): Promise<AddCheckpointOutcome> {
    const opened = openCheckpoint(request.checkpoint, this.trustedLogFor(request.checkpoint));
    const { checkpoint } = opened;
    if (request.oldSize > checkpoint.treeSize) {
      throw new WitnessError(
        'old-size-larger',
        `old size ${request.oldSize} is larger than the checkpoint's tree size ${checkpoint.treeSize}`,
      );
    }
    const latest = await this.options.repository.latest(checkpoint.origin);
    const latestSize = latest?.treeSize ?? 0;
    if (request.oldSize !== latestSize) return { status: 'conflict', latestSize };
    if (checkpoint.treeSize === 0 && !checkpoint.rootHash.equals(EMPTY_ROOT)) {
      throw new WitnessError('empty-tree-root', 'a checkpoint of size 0 must have the root hash of the empty tree');
    }
    this.assertConsistent(request, opened, latest);
    const cosigned = this.cosign(opened);
    const stored = await this.options.repository.replaceIfAt(latestSize, cosigned.record);
    if (!stored) {
      // Another submission moved the witness on between the check and the write: nothing is cosigned.
      const now = await this.options.repository.latest(checkpoint.origin);
      return { status: 'conflict', latestSize: now?.treeSize ?? 0 };
    }
    return {
      status: 'cosigned',
      checkpoint,
      cosignature: cosigned.cosignature,
      signatureLines: formatSignatureLine(cosigned.cosignature),
    };
  }

  /** The origin is read before any signature check only to choose the keys to check with. */
  private trustedLogFor(raw: string): TrustedLog {
    const origin = parseCheckpoint(parseSignedNote(raw).text).origin;
    const log = this.logs.get(origin);
    if (!log)
      throw new WitnessError(
        'unknown-origin',
        `this witness does not follow a log with origin ${JSON.stringify(origin)}`,
      );
    return log;
  }

  private assertConsistent(request: AddCheckpointRequest, opened: OpenedCheckpoint, latest?: CosignedCheckpoint): void {
    const { checkpoint } = opened;
    const evidence = (cosigned: CosignedCheckpoint) => ({
      origin: checkpoint.origin,
      cosigned: cosigned.note,
      presented: formatSignedNote({ text: opened.note.text, signatures: opened.note.verified.map((v) => v.signature) }),
    });
    if (latest && latest.treeSize === checkpoint.treeSize && !latest.rootHash.equals(checkpoint.rootHash)) {
      throw new LogMisbehaviourError(
        'split-view',
        `split view: the log signed root ${checkpoint.rootHash.toString('base64')} for size ${checkpoint.treeSize}, ` +
          `after root ${latest.rootHash.toString('base64')} this witness cosigned for the same size`,
        evidence(latest),
      );
    }
    try {
      verifyConsistency({
        first: request.oldSize,
        second: checkpoint.treeSize,
        firstRoot: latest?.rootHash ?? EMPTY_ROOT,
        secondRoot: checkpoint.rootHash,
        proof: request.proof,
      });
    } catch (error) {
      if (!(error instanceof MerkleProofError)) throw error;
      const message = `consistency proof ${request.oldSize} -> ${checkpoint.treeSize} refused: ${error.message}`;
      // From nothing cosigned there is nothing to contradict: a bad request, not evidence.
      if (!latest) throw new WitnessError('bad-consistency-proof', message);
      throw new LogMisbehaviourError('bad-consistency-proof', message, evidence(latest));
    }
  }

  private cosign(opened: OpenedCheckpoint): { cosignature: NoteSignature; record: CosignedCheckpoint } {
    const seconds = Math.floor(this.options.now() / 1000);
    if (seconds <= 0)
      throw new WitnessError('bad-signature', `the clock reads ${seconds}: a cosignature's time must not be zero`);
    const signer = cosignatureSigner(this.options.name, this.options.privateKey, () => seconds);
    const cosignature = noteSignature(opened.note.text, signer);
    const logSignatures = opened.note.verified.map((v) => v.signature);
    const { origin, treeSize, rootHash } = opened.checkpoint;
    const note = formatSignedNote({ text: opened.note.text, signatures: [...logSignatures, cosignature] });
    return { cosignature, record: { origin, treeSize, rootHash, note } };
  }
}

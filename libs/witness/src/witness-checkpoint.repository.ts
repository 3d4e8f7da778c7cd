/** What a witness remembers per log: only the latest checkpoint it cosigned. */
export interface CosignedCheckpoint {
  origin: string;
  treeSize: number;
  rootHash: Buffer;
  /** The checkpoint note with the log signatures the witness verified and its own cosignature. */
  note: string;
}

/**
 * The witness's one piece of state. The check of the old size and the write must be one atomic
 * step (tlog-witness): otherwise two concurrent submissions can roll the witness back.
 */
export interface WitnessCheckpointRepository {
  latest(origin: string): Promise<CosignedCheckpoint | undefined>;
  /**
   * Stores `next` only if the latest for its origin still has tree size `expectedSize` (0 when
   * there is none yet); false, storing nothing, when it has moved.
   */
  replaceIfAt(expectedSize: number, next: CosignedCheckpoint): Promise<boolean>;
}

/** For tests and a single-process witness. */
export class InMemoryWitnessCheckpointRepository implements WitnessCheckpointRepository {
  private readonly checkpoints = new Map<string, CosignedCheckpoint>();

  latest(origin: string): Promise<CosignedCheckpoint | undefined> {
    return Promise.resolve(this.checkpoints.get(origin));
  }

  replaceIfAt(expectedSize: number, next: CosignedCheckpoint): Promise<boolean> {
    // Check and write run in one synchronous turn, so no other call interleaves.
    if ((this.checkpoints.get(next.origin)?.treeSize ?? 0) !== expectedSize) return Promise.resolve(false);
    this.checkpoints.set(next.origin, next);
    return Promise.resolve(true);
  }
}

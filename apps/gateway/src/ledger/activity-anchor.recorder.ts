import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ACTIVITY_ANCHOR_ENTRY_TYPE,
  DomainError,
  type ActivityAnchor,
  type ActivityAnchorReply,
} from '@bureaunet/contracts';
import { DirectoryClient } from '@bureaunet/directory';
import {
  LedgerLogError,
  MerkleProofError,
  verifyConsistency,
  verifyTreeHeadSignature,
  type TreeHead,
} from '@bureaunet/ledger';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { LedgerRecorder } from './ledger.recorder';
import { RecordedActivityAnchorEntity } from './recorded-activity-anchor.entity';

/** A head dated further ahead than this is refused: the node's clock is wrong. */
const MAX_FUTURE_MS = 5 * 60_000;

/**
 * Records a node's activity log head in the ledger: signed by the node's current signing key (as
 * the directory knows it), and extending the head recorded before (RFC 6962 consistency proof).
 * So a node that rewrote, reordered or dropped an earlier entry can no longer anchor a head: its
 * earlier head stays in the ledger, and the refusal is logged here.
 */
@Injectable()
export class ActivityAnchorRecorder {
  private readonly logger = new Logger(ActivityAnchorRecorder.name);

  constructor(
    private readonly directory: DirectoryClient,
    private readonly writer: SerialWriter,
    private readonly ledger: LedgerRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(anchor: ActivityAnchor): Promise<ActivityAnchorReply> {
    const head: TreeHead = {
      treeSize: anchor.tree_size,
      timestamp: anchor.timestamp,
      rootHash: Buffer.from(anchor.sha256_root_hash, 'base64'),
    };
    await this.checkSignature(anchor, head);
    if (head.timestamp > this.clock.now().getTime() + MAX_FUTURE_MS)
      throw new DomainError('anchor-refused', `activity head of ${anchor.code} is dated in the future`, 'invalid');
    return this.writer.transaction(async (manager) => {
      const previous = await manager.findOneBy(RecordedActivityAnchorEntity, { code: anchor.code });
      if (previous) {
        const early = this.checkExtends(anchor, head, previous);
        if (early) return early;
      }
      const now = this.clock.now();
      const data = {
        code: anchor.code,
        treeSize: head.treeSize,
        rootHash: anchor.sha256_root_hash,
        headTimestamp: head.timestamp,
        kid: anchor.kid,
        signature: anchor.tree_head_signature,
      };
      const appended = await this.ledger.appendAndLocate(manager, [
        { type: ACTIVITY_ANCHOR_ENTRY_TYPE, envelopeId: null, at: now, data },
      ]);
      await manager.save(RecordedActivityAnchorEntity, {
        code: anchor.code,
        treeSize: head.treeSize,
        rootHash: anchor.sha256_root_hash,
        leafIndex: appended.firstIndex,
      });
      return { recorded: true, leafIndex: appended.firstIndex, duplicate: false };
    });
  }

  private async checkSignature(anchor: ActivityAnchor, head: TreeHead): Promise<void> {
    const key = await this.directory.signingKeyByKid(anchor.code, anchor.kid);
    try {
      verifyTreeHeadSignature(head, anchor.tree_head_signature, key.key);
    } catch (error) {
      if (error instanceof LedgerLogError) throw new DomainError('anchor-refused', error.message, 'invalid');
      throw error;
    }
  }

  /** A reply without appending (already there, or prove again), or undefined to append; throws on a rewrite. */
  private checkExtends(
    anchor: ActivityAnchor,
    head: TreeHead,
    previous: RecordedActivityAnchorEntity,
  ): ActivityAnchorReply | undefined {
    const previousRoot = Buffer.from(previous.rootHash, 'base64');
    if (head.treeSize === previous.treeSize && head.rootHash.equals(previousRoot))
      return { recorded: true, leafIndex: previous.leafIndex, duplicate: true };
    if (head.treeSize <= previous.treeSize) return this.rewritten(anchor, previous, 'it is not larger but differs');
    if (anchor.consistency?.from_size !== previous.treeSize)
      return { recorded: false, anchoredSize: previous.treeSize };
    try {
      verifyConsistency({
        first: previous.treeSize,
        second: head.treeSize,
        firstRoot: previousRoot,
        secondRoot: head.rootHash,
        proof: anchor.consistency.proof.map((hash) => Buffer.from(hash, 'base64')),
      });
    } catch (error) {
      if (error instanceof MerkleProofError) return this.rewritten(anchor, previous, error.message);
      throw error;
    }
    return undefined;
  }

  private rewritten(anchor: ActivityAnchor, previous: RecordedActivityAnchorEntity, why: string): never {
    const reason = `activity head of ${anchor.code} (size ${anchor.tree_size}) does not extend the one anchored at ledger index ${previous.leafIndex} (size ${previous.treeSize}): ${why}`;
    this.logger.error(`ALERT ${reason}`);
    throw new DomainError('anchor-inconsistent', reason, 'conflict');
  }
}

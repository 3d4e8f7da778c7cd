import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { EntityManager } from 'typeorm';
import { DomainError, LEDGER_STH_SUBJECT } from '@bureaunet/contracts';
import { BUREAU_IDENTITY, BureauIdentity } from '@bureaunet/identity';
import {
  EMPTY_ROOT,
  signTreeHead,
  toSignedTreeHeadJson,
  type SignedTreeHeadJson,
  type TreeHead,
} from '@bureaunet/ledger';
import {
  LedgerLogReader,
  LogTreeStateEntity,
  SignedTreeHeadEntity,
  TREE_STATE_ROW_ID,
} from '@bureaunet/ledger/storage';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, Clock } from '@bureaunet/platform';
import { BusClient } from '@bureaunet/transport';
import { GATEWAY_CONFIG, GatewayConfig } from '../gateway.config';
import { LaneLeaseKeeper } from '../lanes/lane-lease.keeper';
import { CheckpointCosigner } from './checkpoint/checkpoint-cosigner.service';

/** Its timer in the SchedulerRegistry (cleared by ScheduleModule at shutdown, or here). */
export const TREE_HEAD_INTERVAL = 'ledger.tree-head';

/**
 * Signs tree heads with the gateway's key: every LEDGER_STH_INTERVAL_MS when the log grew, as
 * soon as it grew by LEDGER_STH_MAX_ENTRIES, and on demand (a trail needs its entries covered).
 * Each head is stored in the transaction that reads the committed tree state, then published on
 * core NATS, and handed to the checkpoint cosigner for the witnesses. Only committed heads are ever served.
 */
@Injectable()
export class TreeHeadService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TreeHeadService.name);
  private latestHead: SignedTreeHeadJson | undefined;
  private signing: Promise<SignedTreeHeadJson> | undefined;

  constructor(
    private readonly writer: SerialWriter,
    private readonly reader: LedgerLogReader,
    private readonly bus: BusClient,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
    private readonly cosigner: CheckpointCosigner,
    @Inject(LaneLeaseKeeper) private readonly duties: Pick<LaneLeaseKeeper, 'holdsLedgerDuties'>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const stored = await this.reader.latestSignedTreeHead();
    if (stored) {
      this.latestHead = toSignedTreeHeadJson(headOf(stored), stored.treeHeadSignature);
      // A head signed just before a stop may not have its checkpoint yet.
      this.cosigner.headSigned(headOf(stored));
    }
    // The first start signs the empty tree, so there is always a head to serve.
    await this.signIfGrown();
    this.scheduler.addInterval(
      TREE_HEAD_INTERVAL,
      // One signer (and cosigner) for the gateways on one database: the holder of the ledger duties.
      setInterval(
        () => (this.duties.holdsLedgerDuties() ? this.signInBackground() : this.followInBackground()),
        this.config.sthIntervalMs,
      ),
    );
  }

  async onModuleDestroy(): Promise<void> {
    if (this.scheduler.doesExist('interval', TREE_HEAD_INTERVAL)) this.scheduler.deleteInterval(TREE_HEAD_INTERVAL);
    await this.signing?.catch(() => undefined);
  }

  /** The latest committed signed tree head. */
  latest(): SignedTreeHeadJson {
    if (!this.latestHead)
      throw new DomainError('no-tree-head', 'the ledger has not signed a tree head yet', 'unavailable');
    return this.latestHead;
  }

  /** Told by the recorder after each append (committed or not: the signer reads committed state). */
  grewTo(treeSize: number): void {
    if (!this.duties.holdsLedgerDuties()) return;
    const signedSize = this.latestHead?.tree_size ?? 0;
    if (!this.signing && treeSize - signedSize >= this.config.sthMaxEntries) this.signInBackground();
  }

  /** Signs a head for the committed tree if it is larger than the latest head; returns the latest head. */
  signIfGrown(): Promise<SignedTreeHeadJson> {
    // One at a time; a caller arriving meanwhile waits for that one and then signs again if needed.
    const previous = this.signing ?? Promise.resolve(undefined);
    const next = previous.catch(() => undefined).then(() => this.signCommittedTree());
    this.signing = next;
    void next
      .finally(() => {
        if (this.signing === next) this.signing = undefined;
      })
      .catch(() => undefined);
    return next;
  }

  /** Another gateway signs: the latest head it stored is served from here too. */
  private followInBackground(): void {
    if (this.signing) return;
    this.reader
      .latestSignedTreeHead()
      .then((stored) => {
        if (stored && stored.treeSize > (this.latestHead?.tree_size ?? -1))
          this.latestHead = toSignedTreeHeadJson(headOf(stored), stored.treeHeadSignature);
      })
      .catch((error: unknown) =>
        this.logger.warn(`cannot read the latest tree head: ${error instanceof Error ? error.message : String(error)}`),
      );
  }

  private signInBackground(): void {
    if (this.signing) return;
    this.signIfGrown().catch((error: unknown) =>
      this.logger.error(`cannot sign a tree head: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  private async signCommittedTree(): Promise<SignedTreeHeadJson> {
    const latest = this.latestHead;
    const signed = await this.writer.transaction(async (manager) => {
      const state = await committedTree(manager);
      if (latest && state.treeSize <= latest.tree_size) return undefined;
      const head: TreeHead = { ...state, timestamp: Math.max(this.clock.now().getTime(), latest?.timestamp ?? 0) };
      const json = toSignedTreeHeadJson(head, signTreeHead(head, this.identity.signing.privateKey));
      await manager.insert(SignedTreeHeadEntity, {
        treeSize: head.treeSize,
        timestamp: head.timestamp,
        rootHash: head.rootHash.toString('hex'),
        treeHeadSignature: json.tree_head_signature,
        keyId: this.identity.signing.kid,
      });
      return json;
    });
    if (!signed) return this.latest();
    this.latestHead = signed;
    this.cosigner.headSigned({ treeSize: signed.tree_size, rootHash: Buffer.from(signed.sha256_root_hash, 'base64') });
    this.publish(signed);
    return signed;
  }

  // At most once: a witness that misses one head takes the next, or asks get-sth.
  private publish(head: SignedTreeHeadJson): void {
    try {
      this.bus.emit(LEDGER_STH_SUBJECT, head);
    } catch (error) {
      this.logger.warn(
        `cannot publish tree head ${head.tree_size} on ${LEDGER_STH_SUBJECT}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

/** Inside a SerialWriter transaction: the tree as every earlier transaction left it. */
async function committedTree(manager: EntityManager): Promise<Omit<TreeHead, 'timestamp'>> {
  const row = await manager.findOneBy(LogTreeStateEntity, { id: TREE_STATE_ROW_ID });
  return row
    ? { treeSize: row.treeSize, rootHash: Buffer.from(row.rootHash, 'hex') }
    : { treeSize: 0, rootHash: EMPTY_ROOT };
}

function headOf(row: SignedTreeHeadEntity): TreeHead {
  return { treeSize: row.treeSize, timestamp: row.timestamp, rootHash: Buffer.from(row.rootHash, 'hex') };
}

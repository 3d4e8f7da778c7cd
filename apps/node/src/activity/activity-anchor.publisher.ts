import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { activityAnchorReplySchema, activityAnchorSubject, type ActivityAnchor } from '@bureaunet/contracts';
import { ActivityLog, type ActivityHead } from '@bureaunet/activity/server';
import { BUREAU_IDENTITY, type BureauIdentity } from '@bureaunet/identity';
import { signTreeHead } from '@bureaunet/ledger';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { BusClient } from '@bureaunet/transport';
import { NODE_CONFIG, type NodeConfig } from '../node.config';

const INTERVAL = 'activity-anchor';
const DEFAULT_ANCHOR_MS = 60_000;

/**
 * Every NODE_ACTIVITY_ANCHOR_MS, when the activity log grew since its last anchored head, signs
 * the head with the node's signing key and sends it to the gateway's ledger with a proof that it
 * extends the one anchored before. A head the gateway did not confirm is sent again next time.
 */
@Injectable()
export class ActivityAnchorPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ActivityAnchorPublisher.name);
  private running: Promise<void> | undefined;

  constructor(
    private readonly log: ActivityLog,
    private readonly bus: BusClient,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const timer = setInterval(() => {
      this.running ??= this.anchor()
        .then(() => undefined)
        .catch((error: unknown) =>
          this.logger.warn(`activity head not anchored yet: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => (this.running = undefined));
    }, this.config.activityAnchorMs ?? DEFAULT_ANCHOR_MS);
    timer.unref();
    this.scheduler.addInterval(INTERVAL, timer);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', INTERVAL)) this.scheduler.deleteInterval(INTERVAL);
    await this.running;
  }

  /** Anchors the current head if it grew; returns the ledger index, or undefined when nothing was new. */
  async anchor(): Promise<number | undefined> {
    const head = await this.log.head();
    const last = await this.log.latestAnchor();
    if (head.treeSize === 0 || (last && last.treeSize >= head.treeSize)) return undefined;
    let reply = await this.send(head, last?.treeSize);
    if (!reply.recorded) reply = await this.send(head, reply.anchoredSize);
    if (!reply.recorded)
      throw new Error(`the gateway holds a head of size ${reply.anchoredSize} it did not take a proof from`);
    await this.log.recordAnchor(head, reply.leafIndex);
    this.logger.log(`activity head of size ${head.treeSize} anchored at ledger index ${reply.leafIndex}`);
    return reply.leafIndex;
  }

  private async send(head: ActivityHead, fromSize: number | undefined) {
    const timestamp = this.clock.now().getTime();
    const signing = this.identity.signing;
    const anchor: ActivityAnchor = {
      v: 1,
      code: this.identity.code,
      tree_size: head.treeSize,
      timestamp,
      sha256_root_hash: head.rootHash.toString('base64'),
      tree_head_signature: signTreeHead({ ...head, timestamp }, signing.privateKey),
      kid: signing.kid,
    };
    if (fromSize !== undefined && fromSize > 0 && fromSize <= head.treeSize) {
      const proof = await this.log.consistency(fromSize, head.treeSize);
      anchor.consistency = { from_size: fromSize, proof: proof.map((hash) => hash.toString('base64')) };
    }
    const raw = await this.bus.request<unknown>(activityAnchorSubject(this.identity.code), anchor);
    return activityAnchorReplySchema.parse(raw);
  }
}

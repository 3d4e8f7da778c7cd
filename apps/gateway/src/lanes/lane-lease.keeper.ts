import { Logger } from '@nestjs/common';
import type { Clock } from '@bureaunet/platform';
import type { SerialWriter } from '@bureaunet/persistence';
import { fairShare } from './fair-share';
import { GatewayLeaseRepository, type HeldLease } from './gateway-lease.repository';
import { partitionLeaseName, partitionOf } from './submission-partition';

/** The lease of the gateway's periodic single-writer duties (tree heads, cosigning, pruning, …). */
export const LEDGER_DUTIES_LEASE = 'ledger-duties';

export interface LaneLeaseOptions {
  /** This process's name in the lease rows: unique per run, so a restarted gateway starts afresh. */
  holder: string;
  partitions: number;
  /** How long a lease lasts without renewal; renewals come every few seconds, well within it. */
  ttlMs: number;
  /**
   * A holder stops consuming this long before its lease can be taken over: the largest clock
   * difference between gateways the leases tolerate (takeovers are judged by the taker's clock).
   */
  skewMarginMs: number;
}

/** What the keeper tells the consumers: a partition to start consuming, or to stop. */
export interface LaneLeaseListener {
  /** Resolves once the partition's senders are consumed again from their oldest unacked message. */
  gained(partition: number, lease: HeldLease): Promise<void>;
  /** Resolves once nothing of the partition is consumed any more (in-flight work settled or given back). */
  lost(partition: number): Promise<void>;
}

interface Holding {
  lease: HeldLease;
  /** Clock ms after which this gateway no longer trusts it holds the lease. */
  until: number;
}

/**
 * Keeps this gateway's share of the submission partitions, and the ledger-duties lease if free,
 * one tick at a time: renew what it holds, stop what it lost or what it no longer may trust, give
 * back what is beyond its fair share (after stopping), and take free or expired partitions up to
 * the share. Stops consuming before it releases and before a lease can expire, so two gateways
 * never consume one partition at once while their clocks differ by less than `skewMarginMs`;
 * the fenced commit (stillHeld) catches a holder that is late all the same.
 */
export class LaneLeaseKeeper {
  private readonly logger = new Logger(LaneLeaseKeeper.name);
  private readonly held = new Map<number, Holding>();
  private duties: Holding | undefined;
  private listener: LaneLeaseListener | undefined;

  constructor(
    private readonly leases: GatewayLeaseRepository,
    private readonly writer: SerialWriter,
    private readonly clock: Clock,
    private readonly options: LaneLeaseOptions,
  ) {
    if (options.skewMarginMs >= options.ttlMs)
      throw new Error(`the lease skew margin (${options.skewMarginMs} ms) must be below its TTL (${options.ttlMs} ms)`);
  }

  /** Set once, before the first tick: the consumers depend on the fence, which reads this keeper. */
  attach(listener: LaneLeaseListener): void {
    this.listener = listener;
  }

  get holder(): string {
    return this.options.holder;
  }

  /** The lease of `sender`'s partition while this gateway trusts it holds it. */
  leaseFor(sender: string): HeldLease | undefined {
    const holding = this.held.get(partitionOf(sender, this.options.partitions));
    return holding && this.trusted(holding) ? holding.lease : undefined;
  }

  heldPartitions(): number[] {
    return [...this.held.keys()].sort((a, b) => a - b);
  }

  holdsLedgerDuties(): boolean {
    return this.duties !== undefined && this.trusted(this.duties);
  }

  /** One round: renew, stop, release, acquire. A database error leaves the holdings to their deadlines. */
  async tick(): Promise<void> {
    this.consumers();
    const started = this.clock.now().getTime();
    await this.dropUntrusted(started);
    const now = new Date(started).toISOString();
    const expiresAt = new Date(started + this.options.ttlMs).toISOString();
    const until = started + this.options.ttlMs - this.options.skewMarginMs;
    const { lost, live } = await this.writer.transaction(async (manager) => {
      await this.leases.attend(manager, this.holder, now, expiresAt);
      const gone: number[] = [];
      for (const [partition, holding] of this.held) {
        if (await this.leases.renew(manager, holding.lease, this.holder, expiresAt)) holding.until = until;
        else gone.push(partition);
      }
      if (this.duties && !(await this.leases.renew(manager, this.duties.lease, this.holder, expiresAt)))
        this.duties = undefined;
      if (this.duties) this.duties.until = until;
      return { lost: gone, live: await this.leases.liveHolders(manager, now) };
    });
    for (const partition of lost) {
      this.logger.warn(`lost the lease of submission partition ${partition} to another gateway`);
      await this.stop(partition);
    }
    const share = fairShare(this.options.partitions, new Set([...live, this.holder]).size);
    await this.releaseBeyond(share);
    await this.acquireUpTo(share, now, expiresAt, until);
    if (!this.duties) this.duties = await this.take(LEDGER_DUTIES_LEASE, now, expiresAt, until);
  }

  /** Stops everything and gives every lease back, so another gateway takes over at once. */
  async releaseAll(): Promise<void> {
    for (const partition of this.heldPartitions()) await this.giveBack(partition);
    const duties = this.duties;
    this.duties = undefined;
    if (duties) await this.writer.transaction((manager) => this.leases.release(manager, duties.lease, this.holder));
  }

  private trusted(holding: Holding): boolean {
    return this.clock.now().getTime() < holding.until;
  }

  private async dropUntrusted(now: number): Promise<void> {
    for (const [partition, holding] of [...this.held]) {
      if (holding.until > now) continue;
      this.logger.warn(`no renewal of submission partition ${partition} in time: consuming it no more`);
      await this.stop(partition);
    }
    if (this.duties && this.duties.until <= now) this.duties = undefined;
  }

  private async releaseBeyond(share: number): Promise<void> {
    const extra = this.heldPartitions().slice(share);
    for (const partition of extra) {
      this.logger.log(`giving submission partition ${partition} back: the fair share is ${share}`);
      await this.giveBack(partition);
    }
  }

  private async acquireUpTo(share: number, now: string, expiresAt: string, until: number): Promise<void> {
    const { partitions } = this.options;
    // Each gateway starts looking at its own place, so gateways starting together collide less.
    const first = partitionOf(this.holder, partitions);
    for (let step = 0; step < partitions && this.held.size < share; step++) {
      const partition = (first + step) % partitions;
      if (this.held.has(partition)) continue;
      const holding = await this.take(partitionLeaseName(partition), now, expiresAt, until);
      if (!holding) continue;
      this.held.set(partition, holding);
      this.logger.log(`took submission partition ${partition} (epoch ${holding.lease.epoch})`);
      try {
        await this.consumers().gained(partition, holding.lease);
      } catch (error) {
        // Held but not consumed would stall its senders until this gateway dies: given back instead.
        this.logger.warn(`cannot consume submission partition ${partition}, giving it back: ${describe(error)}`);
        await this.giveBack(partition);
      }
    }
  }

  private async take(name: string, now: string, expiresAt: string, until: number): Promise<Holding | undefined> {
    const lease = await this.writer.transaction((manager) =>
      this.leases.acquire(manager, name, this.holder, now, expiresAt),
    );
    return lease ? { lease, until } : undefined;
  }

  /** Stopped first: once released, another gateway may start on the partition at once. */
  private async giveBack(partition: number): Promise<void> {
    const holding = this.held.get(partition);
    if (!holding) return;
    await this.stop(partition);
    await this.writer.transaction((manager) => this.leases.release(manager, holding.lease, this.holder));
  }

  private async stop(partition: number): Promise<void> {
    this.held.delete(partition);
    await this.consumers().lost(partition);
  }

  private consumers(): LaneLeaseListener {
    if (!this.listener) throw new Error('the lane lease keeper has no listener attached');
    return this.listener;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

import { Inject, Injectable } from '@nestjs/common';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { SLTD_STREAM, sltdConsumerName } from '@bureaunet/contracts';
import { boundedProbe, CLOCK, type Clock } from '@bureaunet/platform';
import { NATS_CONNECTION } from '@bureaunet/transport';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import { SltdReplicaRepository, type ReplicaState } from '../store/sltd-replica.repository';
import { ReplicaFollower } from './replica.follower';

const CONSUMER_INFO_TIMEOUT_MS = 2_000;

/** How current an answer from the replica is: what each check answer carries. */
export interface ReplicaFreshness {
  /** When the replica last had nothing pending; null if never. */
  currentAsOf: string | null;
  /** now − currentAsOf; null if never. */
  ageMs: number | null;
  /** The hub's databases service placed the consumer after the replica's state since this start. */
  complete: boolean;
}

export interface ReplicaStatusView {
  /** Entries a check would report (not recovered, not withdrawn). */
  entries: number;
  appliedSequence: number;
  /** Messages the consumer has not delivered yet; null when the broker or the consumer cannot be reached. */
  pending: number | null;
  currentAsOf: string | null;
  ageMs: number | null;
  resync: ReplicaState['resync'];
  /** Malformed messages skipped (acked without effect) since this process started. */
  skipped: number;
}

/** Where the replica stands, from its state row and what the follower saw since its last write. */
@Injectable()
export class ReplicaStatus {
  private jsm: Promise<JetStreamManager> | undefined;

  constructor(
    private readonly replica: SltdReplicaRepository,
    private readonly follower: ReplicaFollower,
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async freshness(): Promise<ReplicaFreshness> {
    const state = await this.replica.state();
    return { ...this.age(state), complete: state.resync === 'done' };
  }

  async status(): Promise<ReplicaStatusView> {
    const [state, pending] = await Promise.all([this.replica.state(), this.pending()]);
    return {
      entries: state.reportable,
      appliedSequence: state.appliedSequence,
      pending,
      ...this.age(state),
      resync: state.resync,
      skipped: this.follower.skippedMessages(),
    };
  }

  private age(state: ReplicaState): Pick<ReplicaFreshness, 'currentAsOf' | 'ageMs'> {
    const stored = state.currentAsOf === null ? undefined : new Date(state.currentAsOf);
    const seen = this.follower.currentAsOf();
    const latest = seen && (!stored || seen > stored) ? seen : stored;
    if (!latest) return { currentAsOf: null, ageMs: null };
    return {
      currentAsOf: latest.toISOString(),
      ageMs: Math.max(0, this.clock.now().getTime() - latest.getTime()),
    };
  }

  private async pending(): Promise<number | null> {
    try {
      // No $JS.API.INFO check: a node's broker user may not call it.
      this.jsm ??= jetstreamManager(this.connection, { checkAPI: false });
      const info = await boundedProbe(
        (await this.jsm).consumers.info(SLTD_STREAM, sltdConsumerName(this.config.code)),
        CONSUMER_INFO_TIMEOUT_MS,
        'the replica consumer info',
      );
      return info.num_pending;
    } catch {
      this.jsm = undefined;
      return null;
    }
  }
}

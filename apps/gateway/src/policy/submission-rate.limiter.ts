import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { admitToBucket, type PreparedRules, type RateDecision, type TokenBucket } from '@bureaunet/policy';
import { SenderRateBucketRepository } from './sender-rate-bucket.repository';

/** Senders whose buckets are kept in hand at once; beyond it the least recently used is reloaded when needed. */
const BUCKETS_IN_HAND = 1_000;

/**
 * Each bureau's token bucket, under the limits of the rules in force; the gateway's clock. The
 * bucket lives in the database (sender_rate_bucket), so the gateway that takes over a sender's
 * partition continues it: read when the sender's lane first needs it, kept in hand while this
 * gateway consumes the sender (it alone does, one submission at a time), and written inside each
 * accepted submission's transaction. A crash loses at most the refusals' draws since the last
 * acceptance, which errs towards delivering, as a full bucket after a restart always did.
 */
@Injectable()
export class SubmissionRateLimiter {
  private readonly inHand = new Map<string, TokenBucket>();

  constructor(
    private readonly buckets: SenderRateBucketRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async admit(sender: string, recipients: number, rules: PreparedRules): Promise<RateDecision> {
    const known = this.inHand.get(sender) ?? (await this.buckets.find(sender));
    const { decision, bucket } = admitToBucket(
      known,
      this.clock.now().getTime(),
      sender,
      recipients,
      rules.limitFor(sender),
    );
    this.inHand.delete(sender);
    if (bucket) this.inHand.set(sender, bucket);
    if (this.inHand.size > BUCKETS_IN_HAND) this.inHand.delete(this.inHand.keys().next().value!);
    return decision;
  }

  /** In the transaction of the sender's accepted submission: the bucket as its decision left it. */
  async persist(manager: EntityManager, sender: string): Promise<void> {
    const bucket = this.inHand.get(sender);
    if (bucket) await this.buckets.save(manager, sender, bucket);
  }

  /** The senders another gateway consumes now: their buckets are read again if they come back. */
  forget(senders: readonly string[]): void {
    for (const sender of senders) this.inHand.delete(sender);
  }
}

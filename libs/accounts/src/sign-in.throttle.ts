/** Failed sign-ins one client address may make: a burst, then a steady rate. */
export interface ThrottlePolicy {
  burst: number;
  perMinute: number;
  /** Addresses remembered at most; the map never grows past it. */
  maxAddresses: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per client address, spent by failed sign-ins only (a person who signs in right
 * never waits). Bounded: past maxAddresses the oldest-touched address is forgotten, which can only
 * give it a full bucket again — the per-account lockout still holds for it.
 */
export class SignInThrottle {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly policy: ThrottlePolicy) {}

  /** 0 when the address may try now; else the milliseconds until it may. */
  waitMs(address: string, now: number): number {
    const tokens = this.tokensAt(address, now);
    if (tokens >= 1) return 0;
    return Math.ceil((1 - tokens) * this.msPerToken());
  }

  /** Spends one token for a failed attempt. */
  recordFailure(address: string, now: number): void {
    const tokens = this.tokensAt(address, now);
    this.buckets.delete(address);
    this.buckets.set(address, { tokens: Math.max(0, tokens - 1), at: now });
    while (this.buckets.size > this.policy.maxAddresses) {
      const oldest = this.buckets.keys().next().value as string;
      this.buckets.delete(oldest);
    }
  }

  /** Addresses remembered now (for the bound's test). */
  get size(): number {
    return this.buckets.size;
  }

  private tokensAt(address: string, now: number): number {
    const bucket = this.buckets.get(address);
    if (!bucket) return this.policy.burst;
    const refilled = bucket.tokens + Math.max(0, now - bucket.at) / this.msPerToken();
    return Math.min(this.policy.burst, refilled);
  }

  private msPerToken(): number {
    return 60_000 / this.policy.perMinute;
  }
}

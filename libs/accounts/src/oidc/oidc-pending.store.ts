/** What the service keeps between sending a browser to the provider and its coming back. */
export interface OidcPendingSignIn {
  nonce: string;
  pkceVerifier: string;
  /** SHA-256 of the random value in the browser's short-lived cookie: the callback must come from the same browser. */
  browserDigest: string;
  expiresAt: number;
}

/** A sign-in at the provider takes a person a minute or two; ten leaves room for a slow one. */
export const OIDC_PENDING_TTL_MS = 10 * 60_000;
/** Starting a sign-in needs no account: the cap keeps a flood of starts from filling memory. */
export const OIDC_PENDING_CAP = 1_000;

/**
 * Sign-ins started and not yet come back, by their `state`, bounded in count and age. Each is taken
 * once (a replayed callback finds nothing). When full, the oldest goes first: a flood can then make
 * a slow person start again, never exhaust memory.
 */
export class OidcPendingStore {
  private readonly pending = new Map<string, OidcPendingSignIn>();

  constructor(
    private readonly cap: number = OIDC_PENDING_CAP,
    private readonly ttlMs: number = OIDC_PENDING_TTL_MS,
  ) {}

  put(state: string, entry: Omit<OidcPendingSignIn, 'expiresAt'>, now: Date): void {
    this.sweep(now);
    while (this.pending.size >= this.cap) this.pending.delete(this.pending.keys().next().value!);
    this.pending.set(state, { ...entry, expiresAt: now.getTime() + this.ttlMs });
  }

  /** The sign-in started with this state, removed as it is taken; undefined when unknown or expired. */
  take(state: string, now: Date): OidcPendingSignIn | undefined {
    const entry = this.pending.get(state);
    this.pending.delete(state);
    return entry && entry.expiresAt > now.getTime() ? entry : undefined;
  }

  get size(): number {
    return this.pending.size;
  }

  private sweep(now: Date): void {
    // Insertion order is expiry order (one TTL), so the expired ones are at the front.
    for (const [state, entry] of this.pending) {
      if (entry.expiresAt > now.getTime()) return;
      this.pending.delete(state);
    }
  }
}

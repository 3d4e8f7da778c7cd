import { DomainError, RateLimitedError } from '@bureaunet/contracts';

/*
 * How a border check fails when the hub's evaluator cannot give it a verified output. Each is a
 * DomainError, so the HTTP filter answers with its status (kind) and {code, reason}.
 */

/** No evaluator answered in time (none running, the broker down, or the node's permission missing): 503. */
export function evaluatorUnavailable(reason: string): DomainError {
  return new DomainError('evaluator-unavailable', reason, 'unavailable');
}

/** The evaluator refused this bureau over its rate limit: 429 with Retry-After. */
export function evaluatorRateLimited(reason: string, retryAfterMs: number): RateLimitedError {
  return new RateLimitedError('rate-limited', reason, retryAfterMs);
}

/** The evaluation's proof does not hold for the pinned key and this info: 502. */
export function proofMismatch(reason: string): DomainError {
  return new DomainError('proof-mismatch', reason, 'bad-gateway');
}

/** The evaluator answers with another key than the pinned one: 503 until an administrator accepts it. */
export function evaluatorKeyChanged(reason: string): DomainError {
  return new DomainError('evaluator-key-changed', reason, 'unavailable');
}

/** The evaluator answered something this node cannot use (a malformed reply, a refusal of our own request): 502. */
export function evaluatorBadReply(reason: string): DomainError {
  return new DomainError('evaluator-bad-reply', reason, 'bad-gateway');
}

/** The delay a 'rate-limited' refusal names ("…: retry in 250 ms"); a second when it names none. */
export function retryAfterMsOf(reason: string): number {
  const match = /retry in (\d+) ms/.exec(reason);
  const ms = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(ms) && ms > 0 ? ms : 1000;
}

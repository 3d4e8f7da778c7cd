import type { RateLimits } from '@bureaunet/contracts';

/**
 * A new registry's limits: 6 000 envelopes a minute per bureau (bursts of a minute's worth, then
 * 100 a second) keeps any one bureau under an eighth of a gateway's ~800 envelopes a second, and
 * 300 addressees per envelope covers a broadcast to every member. Administrators tune both, per
 * bureau, through PUT /api/rules.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  default: { messagesPerMinute: 6_000, recipientsPerMessage: 300 },
  bureaus: {},
};

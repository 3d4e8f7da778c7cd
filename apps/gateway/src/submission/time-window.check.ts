import type { EnvelopePayload, Refusal } from '@bureaunet/contracts';

export interface TimeWindow {
  /** Tolerated clock difference between a node and the gateway. */
  skewMs: number;
  /** How old an envelope may be; also how long envelope ids are remembered against replay. */
  maxAgeMs: number;
}

/** Refuses future-dated, stale and expired envelopes; undefined when the envelope is on time. */
export function checkTimeWindow(
  payload: Pick<EnvelopePayload, 'createdAt' | 'expiresAt'>,
  now: Date,
  window: TimeWindow,
): Refusal | undefined {
  const createdAt = Date.parse(payload.createdAt);
  const expiresAt = Date.parse(payload.expiresAt);
  const at = now.getTime();
  if (createdAt > at + window.skewMs) {
    return {
      code: 'future-dated',
      message: `createdAt ${payload.createdAt} is more than ${window.skewMs / 1000} s ahead of the gateway clock`,
    };
  }
  if (createdAt < at - window.maxAgeMs) {
    return {
      code: 'stale',
      message: `createdAt ${payload.createdAt} is older than the ${window.maxAgeMs / 1000} s acceptance window`,
    };
  }
  if (expiresAt <= at - window.skewMs) {
    return { code: 'expired', message: `envelope expired at ${payload.expiresAt}` };
  }
  return undefined;
}

import { DomainError, type DomainErrorKind } from '@bureaunet/contracts';

/** Stable codes for what the attributed activity log refuses; the message names the field. */
export const ACTIVITY_ERROR_CODES = [
  'bad-activity-entry',
  'purpose-required',
  'purpose-invalid',
  'bad-activity-query',
  'activity-not-found',
  'bad-activity-export',
  'bad-activity-anchor',
] as const;
export type ActivityErrorCode = (typeof ACTIVITY_ERROR_CODES)[number];

export class ActivityError extends DomainError {
  override readonly name = 'ActivityError';

  constructor(code: ActivityErrorCode, message: string, kind: DomainErrorKind = 'invalid') {
    super(code, message, kind);
  }
}

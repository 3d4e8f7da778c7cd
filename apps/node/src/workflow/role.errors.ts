import { DomainError, HUB_CODE } from '@bureaunet/contracts';

/** A step only the hub takes, asked of a bureau's node. */
export function hubOnly(step: string, code: string): DomainError {
  return new DomainError('hub-only', `${step} is done by the hub (${HUB_CODE}), not by ${code}`, 'forbidden');
}

/** A step only a bureau takes, asked of the hub's node. */
export function bureauOnly(step: string): DomainError {
  return new DomainError('bureau-only', `${step} is done by a bureau, not by the hub`, 'forbidden');
}

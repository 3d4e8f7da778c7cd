import { DomainError, handlingLevel, type Handling } from '@bureaunet/contracts';

/** An envelope a forward or reply passes on, as this node knows it. */
export interface PassedOn {
  id: string;
  handling?: Handling;
}

/**
 * The handling a forward or reply composed here carries: at least the strictest code of what it
 * passes on. None given: the strictest original's handling is copied (its H3 limits with it). A
 * lower one: refused at once, naming both codes (the gateway would refuse it anyway).
 */
export function inheritHandling(requested: Handling | undefined, passedOn: readonly PassedOn[]): Handling | undefined {
  const strictest = passedOn.reduce<PassedOn | undefined>(
    (top, original) =>
      !top || handlingLevel(original.handling?.code) > handlingLevel(top.handling?.code) ? original : top,
    undefined,
  );
  const required = strictest?.handling;
  if (!requested) return required && required.code !== 'H0' ? required : undefined;
  if (strictest && required && handlingLevel(requested.code) < handlingLevel(required.code)) {
    throw new DomainError(
      'handling-lowered',
      `meta.handling ${requested.code} is lower than ${required.code} of envelope ${strictest.id} it passes on: ` +
        `a forward or reply carries at least ${required.code}`,
      'unprocessable',
    );
  }
  return requested;
}

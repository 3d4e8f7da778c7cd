import { actorOf, type Caller } from '@bureaunet/platform';

/** Who a border check is logged under, and where it was made. */
export interface CheckAttribution {
  /** "person:<username>", or "role:<role>" for a machine client. */
  actor: string;
  /** The place the request names, else the border post the person is attached to. */
  place?: string;
}

/**
 * A check names the person who made it and their border post (the check log and the owner's hit
 * notification say where); a place typed in the request wins, as an officer may check elsewhere.
 */
export function checkAttribution(caller: Caller | undefined, place: string | undefined): CheckAttribution {
  // RoleGuard has admitted the caller before any check route runs.
  if (!caller) throw new Error('the check has no caller: RoleGuard did not run');
  const post = caller.kind === 'person' ? caller.person.borderPost : undefined;
  const at = place ?? post;
  return { actor: actorOf(caller), ...(at !== undefined && { place: at }) };
}

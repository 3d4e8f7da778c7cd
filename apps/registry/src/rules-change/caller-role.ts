import { actorOf, type Caller } from '@bureaunet/platform';

/**
 * Who made a change, as the rules history records it: "person:<username>" for a person,
 * "role:<role>" for a machine client's static token. RoleGuard has already admitted the request;
 * "unknown" is only what a route outside the guard would see.
 */
export function authorOf(caller: Caller | undefined): string {
  return caller ? actorOf(caller) : 'unknown';
}

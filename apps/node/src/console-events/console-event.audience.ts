import type { Role } from '@bureaunet/platform';
import type { ConsoleEventName } from './console-event';

/**
 * Who hears each event: the roles whose console shows what it reports. An event carries ids only,
 * yet a border officer has no business learning that a diffusion just arrived from FR.
 */
const AUDIENCE: Record<ConsoleEventName, readonly Role[]> = {
  message: ['officer', 'coordinator', 'reviewer', 'admin'],
  receipt: ['officer', 'coordinator', 'reviewer', 'admin'],
  refusal: ['officer', 'coordinator', 'reviewer', 'admin'],
  notice: ['officer', 'coordinator', 'reviewer', 'border-officer', 'admin'],
  review: ['reviewer', 'admin'],
  alert: ['officer', 'coordinator', 'border-officer', 'admin'],
  hit: ['officer', 'border-officer', 'admin'],
  'hit-answer': ['officer', 'border-officer', 'admin'],
  // An overdue request: the bureau's reviewers follow it up.
  escalation: ['reviewer', 'admin'],
};

/** The roles that may open the stream at all: every role a node's people hold. */
export const EVENT_STREAM_ROLES: Role[] = ['officer', 'reviewer', 'coordinator', 'border-officer', 'admin'];

export function hears(roles: readonly Role[], event: ConsoleEventName): boolean {
  return AUDIENCE[event].some((role) => roles.includes(role));
}

import type { Role, SessionView } from '../api/session';

/** Who may send from this node: the roles the node's message routes admit (the API refuses the others). */
export const SENDER_ROLES: readonly Role[] = ['officer', 'admin'];

export function maySend(session: SessionView): boolean {
  return session.person.roles.some((role) => SENDER_ROLES.includes(role));
}

import type { Role } from './role';

/** A person the node, registry or gateway knows by account (libs/accounts). */
export interface PersonIdentity {
  personId: string;
  username: string;
  displayName: string;
  roles: readonly Role[];
  /** The border post a border officer is attached to. */
  borderPost?: string;
  /** How the request proved it is this person. */
  via: 'session' | 'api-token';
}

/**
 * Who made an HTTP request, as RoleGuard admitted it: a machine client holding a static role token,
 * or a person. `role` is the role the route was admitted under (for a person with several roles,
 * the first of theirs the route names).
 */
export type Caller = { kind: 'machine'; role: Role } | { kind: 'person'; role: Role; person: PersonIdentity };

/** The name an attributed log writes for a caller: "person:<username>" or "role:<role>". */
export function actorOf(caller: Caller): string {
  return caller.kind === 'person' ? `person:${caller.person.username}` : `role:${caller.role}`;
}

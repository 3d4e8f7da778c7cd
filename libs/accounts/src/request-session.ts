import type { PersonSessionEntity } from './person-session.entity';

// Kept beside the request, like the platform's caller: nothing else can set it by a property name.
const SESSION_OF_REQUEST = new WeakMap<object, PersonSessionEntity>();

/** The authenticator notes the session a request came with (undefined for a personal token). */
export function recordSession(request: object, session: PersonSessionEntity): void {
  SESSION_OF_REQUEST.set(request, session);
}

export function sessionOfRequest(request: object): PersonSessionEntity | undefined {
  return SESSION_OF_REQUEST.get(request);
}

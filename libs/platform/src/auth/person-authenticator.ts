import type { Request } from 'express';
import type { PersonIdentity } from './caller';

export const PERSON_AUTHENTICATOR = Symbol('PERSON_AUTHENTICATOR');

/**
 * Finds the person a request presents: a session cookie (with its CSRF token on every unsafe
 * method) or a personal API token. Undefined when the request presents neither; a DomainError
 * (401/403) when it presents one that is not good (expired, revoked, CSRF missing, locked).
 * libs/accounts implements it; a service without accounts has none and admits role tokens only.
 */
export interface PersonAuthenticator {
  /**
   * `touch: false` checks without counting as activity: a console's open event stream re-checks
   * its session at each heartbeat, and must not keep an idle person signed in by that alone.
   */
  authenticate(request: Request, options?: { touch?: boolean }): Promise<PersonIdentity | undefined>;
}

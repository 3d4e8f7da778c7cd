import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '@bureaunet/contracts';
import { bearerToken, type PersonAuthenticator, type PersonIdentity } from '@bureaunet/platform/stateless';
import { ApiTokenService } from './api-token.service';
import { isUnsafeMethod, requireCsrfToken } from './csrf.check';
import type { PersonEntity } from './person.entity';
import { PersonRepository } from './person.repository';
import { recordSession } from './request-session';
import { isPersonalToken } from './secret-token';
import { sessionTokenOf } from './session.cookie';
import { SessionService } from './session.service';

/**
 * The person a request presents (RoleGuard asks, after the static role tokens): a personal token
 * (Authorization: Bearer bnp_…, no CSRF token needed: a browser never sends it by itself) or the
 * session cookie, whose CSRF token must come back in x-csrf-token on every unsafe method.
 */
@Injectable()
export class AccountsAuthenticator implements PersonAuthenticator {
  constructor(
    private readonly sessions: SessionService,
    private readonly tokens: ApiTokenService,
    private readonly people: PersonRepository,
  ) {}

  async authenticate(request: Request, options: { touch?: boolean } = {}): Promise<PersonIdentity | undefined> {
    const bearer = bearerToken(request.headers.authorization);
    if (bearer !== undefined) return isPersonalToken(bearer) ? this.byToken(bearer) : undefined;
    const cookie = sessionTokenOf(request);
    if (cookie === undefined) return undefined;
    const live = await this.sessions.resolve(cookie, { touch: options.touch ?? true });
    if (!live) return undefined;
    if (isUnsafeMethod(request.method)) requireCsrfToken(live.session.csrfToken, request.headers['x-csrf-token']);
    recordSession(request, live.session);
    return identityOf(live.person, 'session');
  }

  private async byToken(token: string): Promise<PersonIdentity> {
    const person = await this.people.findById(await this.tokens.personOf(token));
    if (!person) throw new DomainError('token-invalid', 'this personal token names nobody any more', 'unauthorized');
    return identityOf(person, 'api-token');
  }
}

function identityOf(person: PersonEntity, via: PersonIdentity['via']): PersonIdentity {
  if (person.disabled) throw new DomainError('account-disabled', 'this account is disabled', 'forbidden');
  return {
    personId: person.id,
    username: person.username,
    displayName: person.displayName,
    roles: person.roles,
    ...(person.borderPost ? { borderPost: person.borderPost } : {}),
    via,
  };
}

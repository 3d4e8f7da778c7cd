import { HttpError } from './http.error';
import { fetchTrusting } from './trusting.fetch';

/** The roles a person may hold (node: officer, reviewer, coordinator, border-officer, admin; gateway: auditor). */
export type PersonRole = 'admin' | 'auditor' | 'officer' | 'border-officer' | 'coordinator' | 'reviewer';

/** A person as the services answer (libs/accounts PersonView). */
export interface PersonAccountView {
  id: string;
  username: string;
  displayName: string;
  roles: PersonRole[];
  borderPost?: string;
  locale: 'en' | 'fr' | 'es' | 'ar';
  timeZone: string;
  totp: boolean;
}

/** What an administrator sees of a person (GET /api/people). */
export interface ManagedPersonAccountView extends PersonAccountView {
  disabled: boolean;
  lockedUntil?: string;
  lastSignInAt?: string;
}

export interface NewPersonAccount {
  username: string;
  displayName: string;
  roles: PersonRole[];
  borderPost?: string;
  locale?: PersonAccountView['locale'];
  timeZone?: string;
}

/** A personal API token just made: `token` (bnp_…) is in this answer only. */
export interface CreatedPersonToken {
  id: string;
  name: string;
  token: string;
  createdAt: string;
}

export interface PersonTokenView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt?: string;
  expiresAt?: string;
}

/** An open session: the cookie to send back and the CSRF token its unsafe calls need. */
export interface PersonSession {
  cookie: string;
  csrfToken: string;
  person: PersonAccountView;
}

/** Who calls: a person's session, or a bearer token (a personal API token, or a static admin role token). */
export type PeopleCaller = { session: PersonSession } | { bearer: string };

/**
 * The people API every service (node, registry, gateway) serves the same way: sign-in, own
 * account and tokens, administration of people. A refusal throws HttpError with the `{code, reason}`.
 */
export class PeopleApiClient {
  private readonly fetch: typeof fetch;

  constructor(
    readonly baseUrl: string,
    options: { ca?: string; fetch?: typeof fetch } = {},
  ) {
    this.fetch = options.fetch ?? fetchTrusting(options.ca);
  }

  async signIn(credentials: { username: string; password: string; totp?: string }): Promise<PersonSession> {
    return this.opened(await this.request('POST', '/api/session', { body: credentials }));
  }

  /** Signs in with the token of a one-time link (`…/#/sign-in/link/<token>`, or the whole URL). */
  async signInWithLink(linkOrToken: string): Promise<PersonSession> {
    const token = linkOrToken.split('/').pop() ?? '';
    return this.opened(await this.request('POST', '/api/session/link', { body: { token } }));
  }

  async signOut(session: PersonSession): Promise<void> {
    await this.call('DELETE', '/api/session', { session });
  }

  async changePassword(caller: PeopleCaller, body: { currentPassword?: string; newPassword: string }): Promise<void> {
    await this.call('PUT', '/api/me/password', { ...caller, body });
  }

  tokens(caller: PeopleCaller): Promise<PersonTokenView[]> {
    return this.call('GET', '/api/me/tokens', caller);
  }

  createToken(caller: PeopleCaller, body: { name: string; expiresInDays?: number }): Promise<CreatedPersonToken> {
    return this.call('POST', '/api/me/tokens', { ...caller, body });
  }

  async revokeToken(caller: PeopleCaller, id: string): Promise<void> {
    await this.call('DELETE', `/api/me/tokens/${encodeURIComponent(id)}`, caller);
  }

  people(caller: PeopleCaller): Promise<ManagedPersonAccountView[]> {
    return this.call('GET', '/api/people', caller);
  }

  createPerson(caller: PeopleCaller, body: NewPersonAccount): Promise<ManagedPersonAccountView> {
    return this.call('POST', '/api/people', { ...caller, body });
  }

  signInLink(caller: PeopleCaller, personId: string): Promise<{ url: string; expiresAt: string }> {
    return this.call('POST', `/api/people/${encodeURIComponent(personId)}/sign-in-link`, caller);
  }

  private opened({ response, body }: { response: Response; body: unknown }): PersonSession {
    const cookie = response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0].trim())
      .find((pair) => pair.startsWith('bn_session='));
    const view = body as { csrfToken?: unknown; person?: PersonAccountView } | undefined;
    if (!cookie || typeof view?.csrfToken !== 'string' || !view.person)
      throw new Error(`${this.baseUrl} answered the sign-in without a session cookie, CSRF token or person`);
    return { cookie, csrfToken: view.csrfToken, person: view.person };
  }

  private async call<T>(
    method: string,
    path: string,
    options: { body?: unknown; session?: PersonSession; bearer?: string },
  ): Promise<T> {
    return (await this.request(method, path, options)).body as T;
  }

  private async request(
    method: string,
    path: string,
    options: { body?: unknown; session?: PersonSession; bearer?: string },
  ): Promise<{ response: Response; body: unknown }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.session) {
      headers.cookie = options.session.cookie;
      if (method !== 'GET') headers['x-csrf-token'] = options.session.csrfToken;
    }
    if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
    const response = await this.fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        body = text;
      }
    }
    if (!response.ok) throw new HttpError(response.status, body);
    return { response, body };
  }
}

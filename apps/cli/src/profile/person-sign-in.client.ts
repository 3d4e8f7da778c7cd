import { HttpError } from '@bureaunet/api-clients';

/** A personal API token as POST /api/me/tokens answers it (the token is shown this once). */
export interface CreatedToken {
  id: string;
  name: string;
  token: string;
  createdAt: string;
}

/** The session a password sign-in opened: the cookie and the CSRF token its unsafe calls need. */
interface OpenSession {
  cookie: string;
  csrfToken: string;
}

/**
 * The few calls `bureaunet login` and `logout` make on a node's people API (helper A's contract):
 * sign in with the password (and TOTP code), create a personal API token, close the session; and
 * revoke the token with itself. A refusal throws HttpError with the service's `{code, reason}`.
 */
export class PersonSignInClient {
  constructor(
    private readonly baseUrl: string,
    private readonly fetch: typeof globalThis.fetch,
  ) {}

  /** Signs in, creates the token named `tokenName`, signs out again: the session is not kept. */
  async createToken(
    credentials: { username: string; password: string; totp?: string },
    tokenName: string,
  ): Promise<CreatedToken> {
    const session = await this.signIn(credentials);
    try {
      return await this.call<CreatedToken>('POST', '/api/me/tokens', {
        body: { name: tokenName },
        session,
      });
    } finally {
      await this.call('DELETE', '/api/session', { session }).catch(() => undefined); // it expires by itself too
    }
  }

  /** Revokes a personal API token, authenticated by that token. */
  async revokeToken(token: string, id: string): Promise<void> {
    await this.call('DELETE', `/api/me/tokens/${encodeURIComponent(id)}`, { bearer: token });
  }

  private async signIn(credentials: { username: string; password: string; totp?: string }): Promise<OpenSession> {
    const response = await this.fetch(`${this.baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(credentials),
    });
    const body = await bodyOf(response);
    if (!response.ok) throw new HttpError(response.status, body);
    const cookie = response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0].trim())
      .find((pair) => pair.startsWith('bn_session='));
    const csrfToken = (body as { csrfToken?: unknown } | undefined)?.csrfToken;
    if (!cookie || typeof csrfToken !== 'string')
      throw new Error(`${this.baseUrl} answered the sign-in without a session cookie or CSRF token`);
    return { cookie, csrfToken };
  }

  private async call<T>(
    method: string,
    path: string,
    options: { body?: unknown; session?: OpenSession; bearer?: string },
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.session) {
      headers.cookie = options.session.cookie;
      headers['x-csrf-token'] = options.session.csrfToken;
    }
    if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
    const response = await this.fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const body = await bodyOf(response);
    if (!response.ok) throw new HttpError(response.status, body);
    return body as T;
  }
}

async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

import { parseCookie, stringifySetCookie } from 'cookie';
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'bn_session';

// Secure: browsers keep it over https and on loopback (http://127.0.0.1, http://localhost),
// which they count as secure contexts. No Max-Age: it ends with the browser; the server ends it sooner.
const ATTRIBUTES = { httpOnly: true, secure: true, sameSite: 'strict', path: '/' } as const;

/** The session token the request's cookie carries, if any. */
export function sessionTokenOf(request: Request): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  const token = parseCookie(header)[SESSION_COOKIE];
  return token ? token : undefined;
}

export function setSessionCookie(response: Response, token: string): void {
  response.append('Set-Cookie', stringifySetCookie(SESSION_COOKIE, token, ATTRIBUTES));
}

export function clearSessionCookie(response: Response): void {
  response.append('Set-Cookie', stringifySetCookie(SESSION_COOKIE, '', { ...ATTRIBUTES, maxAge: 0 }));
}

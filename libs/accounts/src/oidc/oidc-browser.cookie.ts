import { parseCookie, stringifySetCookie } from 'cookie';
import type { Request, Response } from 'express';
import { OIDC_PENDING_TTL_MS } from './oidc-pending.store';

const OIDC_COOKIE = 'bn_oidc';

/**
 * Binds a single sign-on to the browser that started it. SameSite=Lax, not Strict: the provider
 * sends the browser back with a top-level navigation from its own site, which Strict would strip.
 * Path-scoped to the OIDC routes and short-lived; it carries a random value, never a session.
 */
const ATTRIBUTES = { httpOnly: true, secure: true, sameSite: 'lax', path: '/api/session/oidc' } as const;

export function setOidcBrowserCookie(response: Response, token: string): void {
  response.append(
    'Set-Cookie',
    stringifySetCookie(OIDC_COOKIE, token, { ...ATTRIBUTES, maxAge: OIDC_PENDING_TTL_MS / 1000 }),
  );
}

export function clearOidcBrowserCookie(response: Response): void {
  response.append('Set-Cookie', stringifySetCookie(OIDC_COOKIE, '', { ...ATTRIBUTES, maxAge: 0 }));
}

export function oidcBrowserTokenOf(request: Request): string | undefined {
  const header = request.headers.cookie;
  return header ? parseCookie(header)[OIDC_COOKIE] || undefined : undefined;
}

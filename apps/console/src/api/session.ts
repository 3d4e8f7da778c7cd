import { api } from './http';

export type Role = 'admin' | 'auditor' | 'officer' | 'border-officer' | 'coordinator' | 'reviewer';
export type Locale = 'en' | 'fr' | 'es' | 'ar';

/** The person signed in, as GET /api/session answers (libs/accounts PersonView). */
export interface PersonView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  borderPost?: string;
  locale: Locale;
  timeZone: string;
  totp: boolean;
}

/** Which service serves this console: a node (a bureau's or the hub's), the registry or the gateway. */
export interface ServiceView {
  kind: 'node' | 'registry' | 'gateway';
  /** The node's country code ("MR", "DK"; the hub is "HUB"). */
  code?: string;
  hub?: boolean;
}

export interface SessionView {
  person: PersonView;
  csrfToken: string;
  service: ServiceView;
  /** When the session ends unless used (ISO 8601). */
  expiresAt: string;
}

/** How people may sign in at this service (GET /api/session/methods): single sign-on when the bureau has a provider. */
export interface SignInMethods {
  password: true;
  oidc?: { name: string };
}

/** Where the "Sign in with <provider>" link goes: a full navigation, out to the provider and back. */
export const OIDC_SIGN_IN_PATH = '/api/session/oidc';

export const readSignInMethods = () => api<SignInMethods>('GET', '/api/session/methods');
export const readSession = () => api<SessionView>('GET', '/api/session');
export const signIn = (body: { username: string; password: string; totp?: string }) =>
  api<SessionView>('POST', '/api/session', { body });
export const signInWithLink = (token: string) => api<SessionView>('POST', '/api/session/link', { body: { token } });
export const signOut = () => api<void>('DELETE', '/api/session');

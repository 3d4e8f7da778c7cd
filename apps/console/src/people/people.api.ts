import { api } from '../api/http';
import type { Locale, PersonView, Role } from '../api/session';

/** A person as an administrator sees them (GET /api/people). */
export interface ManagedPersonView extends PersonView {
  disabled: boolean;
  lockedUntil?: string;
  lastSignInAt?: string;
}

export interface NewPerson {
  username: string;
  displayName: string;
  roles: Role[];
  borderPost?: string;
  locale?: Locale;
  timeZone?: string;
}

export interface PersonChanges {
  displayName?: string;
  roles?: Role[];
  /** null: no border post any more (no longer a border officer). */
  borderPost?: string | null;
  disabled?: boolean;
}

export interface ApiTokenView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt?: string;
  expiresAt?: string;
}

/** A token just made: the secret is in this answer only. */
export interface CreatedApiToken {
  id: string;
  name: string;
  token: string;
  createdAt: string;
}

export interface SignInLink {
  url: string;
  expiresAt: string;
}

export interface TotpEnrolment {
  secret: string;
  uri: string;
}

const person = (id: string) => `/api/people/${encodeURIComponent(id)}`;

/** The signed-in person's own account (every role). */
export const myAccount = {
  preferences: (body: { locale?: Locale; timeZone?: string; displayName?: string }) =>
    api<PersonView>('PUT', '/api/me/preferences', { body }),
  password: (body: { currentPassword?: string; newPassword: string }) => api<void>('PUT', '/api/me/password', { body }),
  startTotp: () => api<TotpEnrolment>('POST', '/api/me/totp'),
  confirmTotp: (code: string) => api<PersonView>('POST', '/api/me/totp/confirm', { body: { code } }),
  /** Without a code only in a session opened by a one-time link (an administrator's recovery). */
  removeTotp: (code: string) => api<PersonView>('DELETE', '/api/me/totp', { body: code ? { code } : {} }),
  tokens: () => api<ApiTokenView[]>('GET', '/api/me/tokens'),
  createToken: (body: { name: string; expiresInDays?: number }) =>
    api<CreatedApiToken>('POST', '/api/me/tokens', { body }),
  revokeToken: (id: string) => api<void>('DELETE', `/api/me/tokens/${encodeURIComponent(id)}`),
};

/** The service's people (admin role). */
export const peopleAdmin = {
  list: () => api<ManagedPersonView[]>('GET', '/api/people'),
  create: (body: NewPerson) => api<ManagedPersonView>('POST', '/api/people', { body }),
  change: (id: string, body: PersonChanges) => api<ManagedPersonView>('PATCH', person(id), { body }),
  unlock: (id: string) => api<ManagedPersonView>('POST', `${person(id)}/unlock`),
  signInLink: (id: string) => api<SignInLink>('POST', `${person(id)}/sign-in-link`),
};

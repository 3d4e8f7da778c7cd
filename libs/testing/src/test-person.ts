import { randomBytes } from 'node:crypto';
import { fetchTrusting } from '@bureaunet/api-clients';

export interface TestPersonSpec {
  /** Lower case, [a-z0-9._-]{2,64}, unique at the service. */
  username: string;
  /** Roles the service grants: reviewer only at the hub's node, admin/auditor at the gateway, admin at the registry. */
  roles: string[];
  /** Needed with border-officer. */
  borderPost?: string;
  locale?: 'en' | 'fr' | 'es' | 'ar';
  displayName?: string;
}

/** A person who can sign in: their username and password, and the service (console) URL. */
export interface TestPerson {
  username: string;
  password: string;
  url: string;
}

/**
 * Makes a person at a service as an administrator does, and sets their password as a new person
 * does: POST /api/people and a sign-in link with the static admin token, then the link signs them
 * in and PUT /api/me/password sets the password (with the session's CSRF token).
 */
export async function createTestPerson(
  serviceUrl: string,
  adminToken: string,
  spec: TestPersonSpec,
  ca?: string,
): Promise<TestPerson> {
  const call = fetchTrusting(ca);
  const asAdmin = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  const made = await expectJson<{ id: string }>(
    await call(`${serviceUrl}/api/people`, {
      method: 'POST',
      headers: asAdmin,
      body: JSON.stringify({ displayName: spec.displayName ?? spec.username, ...spec }),
    }),
    `create ${spec.username}`,
  );
  const link = await expectJson<{ url: string }>(
    await call(`${serviceUrl}/api/people/${made.id}/sign-in-link`, { method: 'POST', headers: asAdmin }),
    `sign-in link of ${spec.username}`,
  );
  const token = link.url.slice(link.url.lastIndexOf('/') + 1);
  const signedIn = await call(`${serviceUrl}/api/session/link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = await expectJson<{ csrfToken: string }>(signedIn, `link sign-in of ${spec.username}`);
  const password = `pw-${randomBytes(18).toString('base64url')}`;
  const set = await call(`${serviceUrl}/api/me/password`, {
    method: 'PUT',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ newPassword: password }),
  });
  if (set.status !== 204) throw new Error(`password of ${spec.username}: HTTP ${set.status} ${await set.text()}`);
  return { username: spec.username, password, url: serviceUrl };
}

async function expectJson<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

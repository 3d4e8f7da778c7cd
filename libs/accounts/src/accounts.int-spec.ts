import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, HttpCode, INestApplication, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { PersistenceModule } from '@bureaunet/persistence';
import {
  CurrentCaller,
  DomainErrorFilter,
  RequestValidationPipe,
  RoleTokens,
  Roles,
  roleGuardProviders,
  type Caller,
} from '@bureaunet/platform';
import { ACCOUNT_ENTITIES } from './account.entities';
import { AccountsAuthenticator } from './accounts.authenticator';
import { AccountsModule } from './accounts.module';
import type { AccountsSettings } from './accounts.settings';
import { throwawayPostgresUrl } from '@bureaunet/testing';

const ADMIN_TOKEN = 'admin-token-0123456789abcdef';
const PASSWORD = 'correct horse battery staple';
const MINUTE = 60_000;

@Controller('probe')
class ProbeController {
  @Roles('officer')
  @Get()
  read(@CurrentCaller() caller: Caller | undefined): { actor: string | null } {
    return { actor: caller?.kind === 'person' ? caller.person.username : null };
  }

  @Roles('officer')
  @Post()
  @HttpCode(200)
  write(): { done: true } {
    return { done: true };
  }
}

const settings: AccountsSettings = {
  session: { idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE },
  lockout: { failures: 3, lockMs: 15 * MINUTE },
  throttle: { burst: 8, perMinute: 60, maxAddresses: 100 },
  linkMs: 15 * MINUTE,
  publicUrl: 'https://mr.bureau.example',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are JSON whose shape the assertions check
type Json = any;

interface Answer {
  status: number;
  body: Json;
  headers: Headers;
}

interface Signed {
  cookie: string;
  csrf: string;
}

describe('accounts over real HTTP and a real SQLite file', () => {
  let app: INestApplication;
  let url: string;
  let dir: string;
  let now = Date.parse('2026-12-01T08:00:00.000Z');
  const clock = { now: () => new Date(now) };
  const advance = (ms: number) => (now += ms);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-accounts-'));
    const module = await Test.createTestingModule({
      imports: [
        PersistenceModule.forRoot({
          database: join(dir, 'accounts.sqlite'),
          url: await throwawayPostgresUrl('accounts'),
          entities: ACCOUNT_ENTITIES,
        }),
        AccountsModule.forRoot({
          service: { kind: 'node', code: 'MR' },
          roles: ['officer', 'border-officer', 'admin'],
          clock,
          settings,
        }),
      ],
      controllers: [ProbeController],
      providers: roleGuardProviders(() => RoleTokens.parse(`admin:${ADMIN_TOKEN}`)),
    }).compile();
    app = module.createNestApplication({ logger: false });
    app.useGlobalPipes(new RequestValidationPipe());
    app.useGlobalFilters(new DomainErrorFilter());
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // The throttle is per address and every call here comes from 127.0.0.1: each test starts with a full bucket.
  beforeEach(() => advance(10 * MINUTE));

  async function call(
    method: string,
    path: string,
    options: { body?: unknown; bearer?: string; signed?: Signed; csrf?: string | null } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
    if (options.signed) headers.cookie = options.signed.cookie;
    const csrf = options.csrf === undefined ? options.signed?.csrf : options.csrf;
    if (csrf) headers['x-csrf-token'] = csrf;
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  }

  const admin = (method: string, path: string, body?: unknown) => call(method, path, { body, bearer: ADMIN_TOKEN });

  function signedFrom(answer: Answer): Signed {
    const cookie = answer.headers.get('set-cookie') ?? '';
    return { cookie: cookie.split(';')[0], csrf: answer.body.csrfToken as string };
  }

  async function signIn(username: string, password = PASSWORD): Promise<Signed> {
    const answer = await call('POST', '/api/session', { body: { username, password } });
    expect(answer).toMatchObject({ status: 200 });
    return signedFrom(answer);
  }

  async function linkToken(personId: string): Promise<string> {
    const link = await admin('POST', `/api/people/${personId}/sign-in-link`);
    expect(link.status).toBe(201);
    return /#\/sign-in\/link\/(.+)$/.exec(link.body.url as string)![1];
  }

  /** Made by the administrator, first password set through the sign-in link, as a new person does. */
  async function person(username: string, roles: string[] = ['officer'], extra: object = {}): Promise<{ id: string }> {
    const made = await admin('POST', '/api/people', { username, displayName: `Person ${username}`, roles, ...extra });
    expect(made).toMatchObject({ status: 201 });
    const linked = await call('POST', '/api/session/link', { body: { token: await linkToken(made.body.id) } });
    expect(linked.status).toBe(200);
    const set = await call('PUT', '/api/me/password', { body: { newPassword: PASSWORD }, signed: signedFrom(linked) });
    expect(set.status).toBe(204);
    return { id: made.body.id as string };
  }

  it('signs a person in with a Secure, HttpOnly, SameSite=Strict cookie, admits them by it, and signs them out', async () => {
    await person('a.martin');
    const answer = await call('POST', '/api/session', { body: { username: 'A.Martin', password: PASSWORD } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      person: {
        username: 'a.martin',
        displayName: 'Person a.martin',
        roles: ['officer'],
        locale: 'en',
        timeZone: 'UTC',
        totp: false,
      },
      service: { kind: 'node', code: 'MR' },
      expiresAt: new Date(now + 30 * MINUTE).toISOString(),
    });
    const setCookie = answer.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^bn_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    const signed = signedFrom(answer);
    expect(await call('GET', '/probe', { signed })).toMatchObject({ status: 200, body: { actor: 'a.martin' } });
    expect(await call('GET', '/api/session', { signed })).toMatchObject({
      status: 200,
      body: { csrfToken: signed.csrf },
    });
    const out = await call('DELETE', '/api/session', { signed });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/bn_session=;.*Max-Age=0/);
    expect(await call('GET', '/api/session', { signed })).toMatchObject({
      status: 401,
      body: { code: 'session-missing' },
    });
    expect(await call('GET', '/probe', { signed })).toMatchObject({ status: 401 });
  });

  it('answers an unknown username and a wrong password alike', async () => {
    await person('b.dupont');
    const unknown = await call('POST', '/api/session', { body: { username: 'nobody', password: PASSWORD } });
    const wrong = await call('POST', '/api/session', { body: { username: 'b.dupont', password: 'not the password' } });
    expect(unknown).toMatchObject({ status: 401, body: { code: 'sign-in-failed' } });
    expect(wrong).toMatchObject({ status: 401, body: unknown.body });
  });

  it('locks an account after repeated failures, even to the right password, until an administrator unlocks it', async () => {
    const { id } = await person('c.locked');
    for (let attempt = 0; attempt < settings.lockout.failures; attempt += 1)
      expect(
        await call('POST', '/api/session', { body: { username: 'c.locked', password: 'wrong password!' } }),
      ).toMatchObject({
        status: 401,
      });
    const locked = await call('POST', '/api/session', { body: { username: 'c.locked', password: PASSWORD } });
    expect(locked).toMatchObject({ status: 423, body: { code: 'account-locked' } });
    expect(locked.body.reason).toContain(new Date(now + settings.lockout.lockMs).toISOString());
    const people = (await admin('GET', '/api/people')).body as { id: string }[];
    const listed = people.find((p) => p.id === id);
    expect(listed).toMatchObject({ lockedUntil: new Date(now + settings.lockout.lockMs).toISOString() });
    expect(await admin('POST', `/api/people/${id}/unlock`)).toMatchObject({ status: 200, body: { disabled: false } });
    await signIn('c.locked');
  });

  it('lets a lock run out by itself', async () => {
    await person('d.waits');
    for (let attempt = 0; attempt < settings.lockout.failures; attempt += 1)
      await call('POST', '/api/session', { body: { username: 'd.waits', password: 'wrong password!' } });
    advance(settings.lockout.lockMs - 1);
    expect((await call('POST', '/api/session', { body: { username: 'd.waits', password: PASSWORD } })).status).toBe(
      423,
    );
    advance(1);
    await signIn('d.waits');
  });

  it('throttles an address that keeps failing (429 with Retry-After), whatever the usernames', async () => {
    for (let attempt = 0; attempt < settings.throttle.burst; attempt += 1)
      expect(
        (await call('POST', '/api/session', { body: { username: `guess${attempt}`, password: 'x' } })).status,
      ).toBe(401);
    const throttled = await call('POST', '/api/session', { body: { username: 'guess', password: 'x' } });
    expect(throttled).toMatchObject({ status: 429, body: { code: 'sign-in-throttled' } });
    expect(throttled.headers.get('retry-after')).toBe('1');
    advance(MINUTE / settings.throttle.perMinute);
    expect((await call('POST', '/api/session', { body: { username: 'guess', password: 'x' } })).status).toBe(401);
  });

  it('ends a session after the idle time without requests, and at the absolute end however busy', async () => {
    await person('e.idle');
    const idle = await signIn('e.idle');
    advance(settings.session.idleMs - 1);
    expect((await call('GET', '/probe', { signed: idle })).status).toBe(200);
    advance(settings.session.idleMs - 1);
    expect((await call('GET', '/probe', { signed: idle })).status).toBe(200);
    advance(settings.session.idleMs);
    expect(await call('GET', '/probe', { signed: idle })).toMatchObject({
      status: 401,
      body: { code: 'session-expired' },
    });

    const busy = await signIn('e.idle');
    const started = now;
    while (now + 20 * MINUTE < started + settings.session.absoluteMs) {
      advance(20 * MINUTE);
      expect((await call('GET', '/probe', { signed: busy })).status).toBe(200);
    }
    advance(started + settings.session.absoluteMs - now);
    expect(await call('GET', '/api/session', { signed: busy })).toMatchObject({
      status: 401,
      body: { code: 'session-expired' },
    });
  });

  it('lets a check without touch (an event stream’s heartbeat) see the session without keeping it alive', async () => {
    await person('e.stream');
    const signed = await signIn('e.stream');
    const authenticator = app.get(AccountsAuthenticator);
    const streamRequest = { method: 'GET', headers: { cookie: signed.cookie } } as Parameters<
      AccountsAuthenticator['authenticate']
    >[0];
    for (let beat = 0; beat < 3; beat++) {
      advance(settings.session.idleMs / 3 - 1);
      expect(await authenticator.authenticate(streamRequest, { touch: false })).toMatchObject({ username: 'e.stream' });
    }
    advance(3);
    await expect(authenticator.authenticate(streamRequest, { touch: false })).rejects.toMatchObject({
      code: 'session-expired',
    });
  });

  it('wants the session’s CSRF token on every unsafe method sent with the cookie', async () => {
    await person('f.csrf');
    const signed = await signIn('f.csrf');
    expect(await call('POST', '/probe', { signed, csrf: null })).toMatchObject({
      status: 403,
      body: { code: 'csrf-missing' },
    });
    expect(await call('POST', '/probe', { signed, csrf: 'x'.repeat(43) })).toMatchObject({
      status: 403,
      body: { code: 'csrf-invalid' },
    });
    expect(await call('PUT', '/api/me/preferences', { signed, csrf: null, body: { locale: 'fr' } })).toMatchObject({
      status: 403,
      body: { code: 'csrf-missing' },
    });
    expect(await call('POST', '/probe', { signed })).toMatchObject({ status: 200, body: { done: true } });
    expect(await call('GET', '/probe', { signed, csrf: null })).toMatchObject({ status: 200 });
    expect(await call('DELETE', '/api/session', { signed, csrf: null })).toMatchObject({
      status: 403,
      body: { code: 'csrf-missing' },
    });
  });

  it('makes personal API tokens that work without CSRF, and refuses a revoked one at once', async () => {
    await person('g.script');
    const signed = await signIn('g.script');
    const made = await call('POST', '/api/me/tokens', { signed, body: { name: 'nightly export', expiresInDays: 30 } });
    expect(made).toMatchObject({ status: 201, body: { name: 'nightly export' } });
    const token = made.body.token as string;
    expect(token).toMatch(/^bnp_[A-Za-z0-9_-]{43}$/);
    expect(await call('POST', '/probe', { bearer: token })).toMatchObject({ status: 200 });
    expect(await call('GET', '/probe', { bearer: token })).toMatchObject({ status: 200, body: { actor: 'g.script' } });
    const listed = await call('GET', '/api/me/tokens', { signed });
    expect(listed.body).toEqual([
      {
        id: made.body.id,
        name: 'nightly export',
        createdAt: made.body.createdAt,
        lastUsedAt: new Date(now).toISOString(),
        expiresAt: new Date(now + 30 * 86_400_000).toISOString(),
      },
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(token.slice(4));
    expect((await call('DELETE', `/api/me/tokens/${made.body.id}`, { signed })).status).toBe(204);
    expect(await call('GET', '/probe', { bearer: token })).toMatchObject({
      status: 401,
      body: { code: 'token-revoked' },
    });
    expect(await call('GET', '/api/me/tokens', { signed })).toMatchObject({ body: [] });
    expect(await call('GET', '/probe', { bearer: `bnp_${'A'.repeat(43)}` })).toMatchObject({
      status: 401,
      body: { code: 'token-invalid' },
    });
  });

  it('lets a sign-in link sign in once, and not after it expires', async () => {
    const { id } = await person('h.link');
    const token = await linkToken(id);
    expect((await call('POST', '/api/session/link', { body: { token } })).status).toBe(200);
    expect(await call('POST', '/api/session/link', { body: { token } })).toMatchObject({
      status: 401,
      body: { code: 'link-invalid' },
    });
    const late = await linkToken(id);
    advance(settings.linkMs);
    expect(await call('POST', '/api/session/link', { body: { token: late } })).toMatchObject({
      status: 401,
      body: { code: 'link-invalid' },
    });
    const link = await admin('POST', `/api/people/${id}/sign-in-link`);
    expect(link.body.url).toMatch(/^https:\/\/mr\.bureau\.example\/#\/sign-in\/link\/[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a disabled person everywhere at once: sessions, sign-in and tokens', async () => {
    const { id } = await person('i.leaves');
    const signed = await signIn('i.leaves');
    const token = (await call('POST', '/api/me/tokens', { signed, body: { name: 'cron' } })).body.token as string;
    expect(await admin('PATCH', `/api/people/${id}`, { disabled: true })).toMatchObject({
      status: 200,
      body: { disabled: true },
    });
    expect((await call('GET', '/probe', { signed })).status).toBe(401);
    expect(await call('POST', '/api/session', { body: { username: 'i.leaves', password: PASSWORD } })).toMatchObject({
      status: 403,
      body: { code: 'account-disabled' },
    });
    expect(await call('GET', '/probe', { bearer: token })).toMatchObject({
      status: 403,
      body: { code: 'account-disabled' },
    });
    expect(await admin('POST', `/api/people/${id}/sign-in-link`)).toMatchObject({
      status: 409,
      body: { code: 'account-disabled' },
    });
  });

  it('refuses a person a route their roles do not open (403 role-forbidden)', async () => {
    await person('j.border', ['border-officer'], { borderPost: 'Rosso' });
    const signed = await signIn('j.border');
    expect(await call('GET', '/probe', { signed })).toMatchObject({ status: 403, body: { code: 'role-forbidden' } });
    expect(await call('GET', '/api/people', { signed })).toMatchObject({
      status: 403,
      body: { code: 'role-forbidden' },
    });
    expect(await call('GET', '/api/session', { signed })).toMatchObject({ body: { person: { borderPost: 'Rosso' } } });
  });

  it('keeps roles to those of the service, a border officer to a post, usernames unique', async () => {
    expect(
      await admin('POST', '/api/people', { username: 'k.rev', displayName: 'K', roles: ['reviewer'] }),
    ).toMatchObject({
      status: 400,
      body: { code: 'role-not-held-here' },
    });
    expect(
      await admin('POST', '/api/people', { username: 'k.post', displayName: 'K', roles: ['border-officer'] }),
    ).toMatchObject({
      status: 400,
      body: { code: 'border-post-required' },
    });
    expect(await admin('POST', '/api/people', { username: 'K K', displayName: 'K', roles: ['officer'] })).toMatchObject(
      {
        status: 400,
        body: { code: 'invalid-request' },
      },
    );
    expect(
      await admin('POST', '/api/people', {
        username: 'k.tz',
        displayName: 'K',
        roles: ['officer'],
        timeZone: 'Mars/Olympus',
      }),
    ).toMatchObject({ status: 400, body: { reason: expect.stringContaining('timeZone') } });
    expect(
      (await admin('POST', '/api/people', { username: 'k.one', displayName: 'K', roles: ['officer'] })).status,
    ).toBe(201);
    expect(
      await admin('POST', '/api/people', { username: 'K.ONE', displayName: 'K', roles: ['officer'] }),
    ).toMatchObject({
      status: 409,
      body: { code: 'username-taken' },
    });
  });

  it('changes a password with the current one, closing the person’s other sessions', async () => {
    await person('l.change');
    const here = await signIn('l.change');
    const elsewhere = await signIn('l.change');
    expect(
      await call('PUT', '/api/me/password', { signed: here, body: { newPassword: 'another long passphrase' } }),
    ).toMatchObject({
      status: 400,
      body: { code: 'current-password-required' },
    });
    expect(
      await call('PUT', '/api/me/password', {
        signed: here,
        body: { currentPassword: PASSWORD, newPassword: 'too short' },
      }),
    ).toMatchObject({ status: 400, body: { code: 'password-too-short' } });
    expect(
      await call('PUT', '/api/me/password', {
        signed: here,
        body: { currentPassword: PASSWORD, newPassword: 'another long passphrase' },
      }),
    ).toMatchObject({ status: 204 });
    expect((await call('GET', '/probe', { signed: here })).status).toBe(200);
    expect((await call('GET', '/probe', { signed: elsewhere })).status).toBe(401);
    await signIn('l.change', 'another long passphrase');
  });

  it('keeps a person’s preferences, and refuses a profile to a static role token', async () => {
    await person('m.prefs');
    const signed = await signIn('m.prefs');
    expect(
      await call('PUT', '/api/me/preferences', {
        signed,
        body: { locale: 'ar', timeZone: 'Africa/Nouakchott', displayName: 'Mariam' },
      }),
    ).toMatchObject({ status: 200, body: { locale: 'ar', timeZone: 'Africa/Nouakchott', displayName: 'Mariam' } });
    expect(await call('GET', '/api/session', { signed })).toMatchObject({ body: { person: { locale: 'ar' } } });
    expect(await admin('GET', '/api/me')).toMatchObject({ status: 403, body: { code: 'person-required' } });
  });

  it('keeps at most ten live sessions per person, closing the oldest', async () => {
    await person('n.many');
    const first = await signIn('n.many');
    for (let index = 0; index < 10; index += 1) await signIn('n.many');
    expect((await call('GET', '/probe', { signed: first })).status).toBe(401);
  });

  it('keeps at most twenty live personal tokens per person, and forgets the revoked ones', async () => {
    await person('o.tokens');
    const signed = await signIn('o.tokens');
    const ids: string[] = [];
    for (let index = 0; index < 20; index += 1)
      ids.push((await call('POST', '/api/me/tokens', { signed, body: { name: `t${index}` } })).body.id as string);
    expect(await call('POST', '/api/me/tokens', { signed, body: { name: 'one more' } })).toMatchObject({
      status: 409,
      body: { code: 'too-many-tokens' },
    });
    expect((await call('DELETE', `/api/me/tokens/${ids[0]}`, { signed })).status).toBe(204);
    expect((await call('POST', '/api/me/tokens', { signed, body: { name: 'one more' } })).status).toBe(201);
    expect((await call('GET', '/api/me/tokens', { signed })).body).toHaveLength(20);
  });
});

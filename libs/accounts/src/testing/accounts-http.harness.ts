import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { PersistenceModule } from '@bureaunet/persistence';
import { DomainErrorFilter, RequestValidationPipe, RoleTokens, roleGuardProviders } from '@bureaunet/platform';
import { ACCOUNT_ENTITIES } from '../account.entities';
import { AccountsModule } from '../accounts.module';
import type { AccountsSettings } from '../accounts.settings';
import type { OidcSettings } from '../oidc/oidc.config';

export const HARNESS_ADMIN_TOKEN = 'admin-token-0123456789abcdef';
export const HARNESS_PASSWORD = 'correct horse battery staple';
const MINUTE = 60_000;

export const HARNESS_SETTINGS: AccountsSettings = {
  session: { idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE },
  lockout: { failures: 3, lockMs: 15 * MINUTE },
  throttle: { burst: 50, perMinute: 600, maxAddresses: 100 },
  linkMs: 15 * MINUTE,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are JSON whose shape the assertions check
export type Json = any;

export interface HarnessAnswer {
  status: number;
  body: Json;
  headers: Headers;
}

/** A signed-in browser, as far as a test needs one: the session cookie and the CSRF token. */
export interface Signed {
  cookie: string;
  csrf: string;
}

export interface CallOptions {
  body?: unknown;
  bearer?: string;
  signed?: Signed;
  cookie?: string;
  headers?: Record<string, string>;
}

/**
 * One service's accounts over real HTTP and a real SQLite file, with a settable clock: the
 * second-factor and single sign-on specs sign people in through it as a browser would.
 */
export class AccountsHttpHarness {
  private constructor(
    private readonly app: INestApplication,
    readonly url: string,
    readonly dataDir: string,
  ) {}

  static async start(options: { clock: { now(): Date }; oidc?: OidcSettings | null }): Promise<AccountsHttpHarness> {
    const dataDir = mkdtempSync(join(tmpdir(), 'bureaunet-accounts-'));
    const module = await Test.createTestingModule({
      imports: [
        PersistenceModule.forRoot({ database: join(dataDir, 'accounts.sqlite'), entities: ACCOUNT_ENTITIES }),
        AccountsModule.forRoot({
          service: { kind: 'node', code: 'MR' },
          roles: ['officer', 'admin'],
          clock: options.clock,
          settings: HARNESS_SETTINGS,
          dataDir,
          oidc: options.oidc ?? null,
        }),
      ],
      providers: roleGuardProviders(() => RoleTokens.parse(`admin:${HARNESS_ADMIN_TOKEN}`)),
    }).compile();
    const app = module.createNestApplication({ logger: false });
    app.useGlobalPipes(new RequestValidationPipe());
    app.useGlobalFilters(new DomainErrorFilter());
    await app.listen(0, '127.0.0.1');
    return new AccountsHttpHarness(app, await app.getUrl(), dataDir);
  }

  async close(): Promise<void> {
    await this.app.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<HarnessAnswer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
    const cookies = [options.signed?.cookie, options.cookie].filter(Boolean);
    if (cookies.length > 0) headers.cookie = cookies.join('; ');
    if (options.signed && method !== 'GET') headers['x-csrf-token'] = options.signed.csrf;
    const response = await fetch(new URL(path, this.url), {
      method,
      headers,
      redirect: 'manual',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json');
    const body: unknown = text && json ? JSON.parse(text) : text;
    return { status: response.status, body, headers: response.headers };
  }

  admin(method: string, path: string, body?: unknown): Promise<HarnessAnswer> {
    return this.call(method, path, { body, bearer: HARNESS_ADMIN_TOKEN });
  }

  /** Made by the administrator, first password set through a sign-in link, as a new person does. */
  async person(username: string): Promise<{ id: string }> {
    const made = await this.admin('POST', '/api/people', {
      username,
      displayName: `Person ${username}`,
      roles: ['officer'],
    });
    if (made.status !== 201) throw new Error(`person ${username}: ${made.status} ${JSON.stringify(made.body)}`);
    const { id } = made.body as { id: string };
    const linked = await this.signInWithLink(id);
    const set = await this.call('PUT', '/api/me/password', { body: { newPassword: HARNESS_PASSWORD }, signed: linked });
    if (set.status !== 204) throw new Error(`password of ${username}: ${set.status} ${JSON.stringify(set.body)}`);
    return { id };
  }

  /** A session opened by an administrator's one-time link (how a person who lost their phone gets back in). */
  async signInWithLink(personId: string): Promise<Signed> {
    const link = await this.admin('POST', `/api/people/${personId}/sign-in-link`);
    const token = /#\/sign-in\/link\/(.+)$/.exec((link.body as { url: string }).url)![1];
    const linked = await this.call('POST', '/api/session/link', { body: { token } });
    if (linked.status !== 200) throw new Error(`link sign-in: ${linked.status} ${JSON.stringify(linked.body)}`);
    return signedFrom(linked);
  }
}

/** The session cookie a sign-in answer set, and its CSRF token. */
export function signedFrom(answer: HarnessAnswer): Signed {
  const cookie = (answer.headers.getSetCookie?.() ?? []).find((line) => line.startsWith('bn_session=')) ?? '';
  return { cookie: cookie.split(';')[0], csrf: (answer.body as { csrfToken?: string } | undefined)?.csrfToken ?? '' };
}

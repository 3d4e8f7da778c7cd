import { Controller, Get, Param, Post, Sse, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { of, type Observable } from 'rxjs';
import { DomainError } from '@bureaunet/contracts';
import { SerialWriter, applyDurabilityPragmas, dataSourceOptions, openDataSource } from '@bureaunet/persistence';
import { throwawayPostgresUrl } from '@bureaunet/testing';
import {
  Audited,
  CLOCK,
  DomainErrorFilter,
  PERSON_AUTHENTICATOR,
  Public,
  RequestValidationPipe,
  RoleTokens,
  Roles,
  bearerToken,
  roleGuardProviders,
  type PersonAuthenticator,
} from '@bureaunet/platform';
import { ACTIVITY_ENTITIES } from './activity.entities';
import { ActivityController } from './activity.controller';
import { ActivityLog } from './activity.log';
import { ACTIVITY_PROVIDERS } from './activity.module';

const ADMIN = 'admin-token-0123456789';
const OFFICER = 'officer-token-0123456789';

/** Stands in for libs/accounts: "Bearer person-<username>" is that person, an officer and administrator. */
const persons: PersonAuthenticator = {
  authenticate: (request: Request) => {
    const token = bearerToken(request.headers.authorization);
    if (!token?.startsWith('person-')) return Promise.resolve(undefined);
    const username = token.slice('person-'.length);
    return Promise.resolve({
      personId: `id-${username}`,
      username,
      displayName: username,
      roles: ['officer', 'admin'],
      borderPost: username === 'bo' ? 'Post 7' : undefined,
      via: 'api-token',
    });
  },
};

@Controller('api/probe')
@Roles('officer', 'admin')
class ProbeController {
  @Post('messages/:id/open')
  @Audited('message.open', { target: 'id' })
  open(): { ok: true } {
    return { ok: true };
  }

  @Get('search')
  @Audited('notice.search', { purpose: 'required', purposeWhen: (request) => request.query.name !== undefined })
  search(): string[] {
    return [];
  }

  @Post('checks')
  @Audited('check.document', { purpose: { default: 'border check' } })
  check(): { hit: false } {
    return { hit: false };
  }

  @Post('refuse/:id')
  @Audited('diffusion.withdraw', { target: 'id' })
  refuse(@Param('id') id: string): never {
    throw new DomainError('diffusion-not-found', `no diffusion ${id}`, 'not-found');
  }

  @Sse('events')
  @Audited('events.open')
  events(): Observable<{ data: string }> {
    return of({ data: 'one' });
  }

  @Public()
  @Get('open')
  open2(): string {
    return 'public';
  }
}

describe('ActivityInterceptor over real HTTP and a real SQLite file', () => {
  let dir: string;
  let dataSource: DataSource;
  let app: INestApplication;
  let url: string;
  let log: ActivityLog;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-activity-http-'));
    dataSource = await openDataSource(
      dataSourceOptions({
        database: join(dir, 'node.sqlite'),
        url: await throwawayPostgresUrl('activity_http'),
        entities: ACTIVITY_ENTITIES,
      }),
    );
    await applyDurabilityPragmas(dataSource);
    const module = await Test.createTestingModule({
      controllers: [ProbeController, ActivityController],
      providers: [
        ...roleGuardProviders(() => RoleTokens.parse(`admin:${ADMIN},officer:${OFFICER}`)),
        { provide: PERSON_AUTHENTICATOR, useValue: persons },
        { provide: CLOCK, useValue: { now: () => new Date() } },
        { provide: SerialWriter, useValue: new SerialWriter(dataSource) },
        { provide: DataSource, useValue: dataSource },
        ...ACTIVITY_PROVIDERS,
      ],
    }).compile();
    app = module.createNestApplication({ logger: false });
    app.useGlobalPipes(new RequestValidationPipe());
    app.useGlobalFilters(new DomainErrorFilter());
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    log = app.get(ActivityLog);
  });

  afterAll(async () => {
    await app?.close();
    await dataSource?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (method: string, path: string, token: string, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...headers } });

  async function last() {
    const page = await log.search({}, 1);
    return page.items[0];
  }

  it('records a machine client by role, with the target, before the response arrives', async () => {
    const response = await call('POST', '/api/probe/messages/m-1/open', OFFICER);
    expect(response.status).toBe(201);
    // The response came after COMMIT: the entry is there the moment the client has its answer.
    expect((await last()).entry).toMatchObject({
      actor: 'role:officer',
      role: 'officer',
      action: 'message.open',
      target: 'm-1',
      outcome: 'done',
    });
  });

  it('records a person by username and id with the purpose stated (percent-encoded UTF-8 decoded)', async () => {
    const purpose = 'enquête 2026/118 — vérification';
    const response = await call('GET', '/api/probe/search?name=x', 'person-ana', {
      'x-purpose': encodeURIComponent(purpose),
    });
    expect(response.status).toBe(200);
    expect((await last()).entry).toEqual(
      expect.objectContaining({ actor: 'person:ana', personId: 'id-ana', action: 'notice.search', purpose }),
    );
  });

  it('refuses a person consulting personal data without a purpose, before the handler, and logs the refusal', async () => {
    const response = await call('GET', '/api/probe/search?name=x', 'person-ana');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'purpose-required',
      reason: expect.stringMatching(/x-purpose/),
    });
    expect((await last()).entry).toMatchObject({ actor: 'person:ana', outcome: 'refused', code: 'purpose-required' });
    // Without a query naming a person, and for a machine client, no purpose is asked.
    expect((await call('GET', '/api/probe/search', 'person-ana')).status).toBe(200);
    expect((await call('GET', '/api/probe/search?name=x', OFFICER)).status).toBe(200);
    const tooLong = await call('GET', '/api/probe/search', 'person-ana', { 'x-purpose': 'x'.repeat(201) });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({ code: 'purpose-invalid' });
  });

  it('gives a border check its default purpose and the officer’s post', async () => {
    expect((await call('POST', '/api/probe/checks', 'person-bo')).status).toBe(201);
    expect((await last()).entry).toMatchObject({ purpose: 'border check', borderPost: 'Post 7', actor: 'person:bo' });
  });

  it('records a refusal with the DomainError code and still answers it', async () => {
    const response = await call('POST', '/api/probe/refuse/d-9', OFFICER);
    expect(response.status).toBe(404);
    expect((await last()).entry).toMatchObject({
      action: 'diffusion.withdraw',
      outcome: 'refused',
      code: 'diffusion-not-found',
      target: 'd-9',
    });
  });

  it('records an event stream when it is opened, and leaves public routes alone', async () => {
    const before = (await log.head()).treeSize;
    const stream = await call('GET', '/api/probe/events', OFFICER);
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    // The first event follows the record: once it is read, the entry is there.
    const reader = stream.body!.getReader();
    let received = '';
    while (!received.includes('data: one')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      received += Buffer.from(chunk.value).toString();
    }
    expect(received).toMatch(/data: one/);
    await reader.cancel();
    expect((await last()).entry).toMatchObject({ action: 'events.open', outcome: 'done' });
    expect((await fetch(`${url}/api/probe/open`)).status).toBe(200);
    expect((await log.head()).treeSize).toBe(before + 1);
  });

  it('serves search, export (itself logged, purpose asked of a person), head and proofs to administrators', async () => {
    const page = (await (await call('GET', '/api/activity?person=ana&limit=2', ADMIN)).json()) as {
      items: Array<{ seq: number; entry: { actor: string } }>;
      next: number | null;
    };
    expect(page.items).toHaveLength(2);
    expect(page.items.every((item) => item.entry.actor === 'person:ana')).toBe(true);
    expect(page.next).not.toBeNull();
    expect((await call('GET', '/api/activity/export', 'person-ana')).status).toBe(400);
    const exported = await call('GET', '/api/activity/export?limit=3', 'person-ana', {
      'x-purpose': 'quarterly review',
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('x-activity-next')).toBe('3');
    expect((await exported.text()).trim().split('\n')).toHaveLength(3);
    expect((await last()).entry).toMatchObject({ action: 'activity.export', purpose: 'quarterly review' });
    const head = (await (await call('GET', '/api/activity/head', ADMIN)).json()) as { treeSize: number };
    const proofResponse = await call('GET', '/api/activity/0/proof', ADMIN);
    const proof = (await proofResponse.json()) as {
      treeSize: number;
      proof: string[];
    };
    expect(proofResponse.status).toBe(200);
    expect(proof.treeSize).toBeGreaterThanOrEqual(head.treeSize);
    expect(proof.proof.length).toBeGreaterThan(0);
    expect((await call('GET', '/api/activity', OFFICER)).status).toBe(403);
    expect((await call('GET', '/api/activity/99999/proof', ADMIN)).status).toBe(404);
  });
});

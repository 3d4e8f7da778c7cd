import { Controller, Get, INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DomainErrorFilter } from '../domain-error.filter';
import { CallerRole } from './caller-role';
import { Public } from './public.decorator';
import { roleGuardProviders } from './role-guard.providers';
import { RoleTokens } from './role-tokens';
import type { Role } from './role';
import { Roles } from './roles.decorator';

const ADMIN = 'admin-token-0123456789';
const AUDITOR = 'auditor-token-0123456789';

@Controller('t')
class ProbeController {
  @Get('unmarked')
  unmarked(): string {
    return 'reached';
  }

  @Public()
  @Get('open')
  open(): string {
    return 'reached';
  }

  @Roles('admin')
  @Get('admin')
  admin(): string {
    return 'reached';
  }

  @Roles('admin', 'auditor')
  @Get('whoami')
  whoami(@CallerRole() role: Role | undefined): { role: Role | null } {
    return { role: role ?? null };
  }
}

describe('RoleGuard as the global guard, over real HTTP', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      controllers: [ProbeController],
      providers: roleGuardProviders(() => RoleTokens.parse(`admin:${ADMIN},auditor:${AUDITOR}`)),
    }).compile();
    app = module.createNestApplication({ logger: false });
    app.useGlobalFilters(new DomainErrorFilter());
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(() => app.close());

  const call = async (path: string, token?: string) => {
    const response = await fetch(`${url}/t/${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    return { status: response.status, body: (await response.json()) as { code?: string } };
  };

  it('refuses a route that is neither @Public nor @Roles, whatever the token', async () => {
    expect(await call('unmarked')).toMatchObject({ status: 401, body: { code: 'token-missing' } });
    expect(await call('unmarked', 'not-a-known-token-at-all')).toMatchObject({
      status: 401,
      body: { code: 'token-invalid' },
    });
    expect(await call('unmarked', ADMIN)).toMatchObject({ status: 403, body: { code: 'role-forbidden' } });
  });

  it('admits anyone on a @Public route', async () => {
    const response = await fetch(`${url}/t/open`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('reached');
  });

  it('admits only the roles a @Roles route names', async () => {
    expect(await call('admin')).toMatchObject({ status: 401 });
    expect(await call('admin', AUDITOR)).toMatchObject({ status: 403, body: { code: 'role-forbidden' } });
    expect((await fetch(`${url}/t/admin`, { headers: { authorization: `Bearer ${ADMIN}` } })).status).toBe(200);
  });

  it("gives the route the role the caller's token grants, whatever a request says of itself", async () => {
    expect(await call('whoami', AUDITOR)).toEqual({ status: 200, body: { role: 'auditor' } });
    expect(await call('whoami', ADMIN)).toMatchObject({ status: 200, body: { role: 'admin' } });
    const forged = await fetch(`${url}/t/whoami?role=admin`, {
      headers: { authorization: `Bearer ${AUDITOR}`, 'x-role': 'admin' },
    });
    expect(await forged.json()).toEqual({ role: 'auditor' });
  });
});

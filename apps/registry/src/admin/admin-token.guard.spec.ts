import type { ExecutionContext } from '@nestjs/common';
import { DomainError } from '@bureaunet/contracts';
import type { RegistryConfig } from '../registry.config';
import { AdminTokenGuard } from './admin-token.guard';

const TOKEN = 'the-admin-token-of-this-registry';

function contextWith(authorization: string | undefined): { context: ExecutionContext; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  const request = { headers: authorization === undefined ? {} : { authorization } };
  const response = { setHeader: (name: string, value: string) => (headers[name] = value) };
  const context = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) } as unknown as ExecutionContext;
  return { context, headers };
}

function outcome(guard: AdminTokenGuard, authorization: string | undefined): true | DomainError {
  try {
    return guard.canActivate(contextWith(authorization).context) as true;
  } catch (error) {
    return error as DomainError;
  }
}

describe('AdminTokenGuard', () => {
  const guard = new AdminTokenGuard({ adminToken: TOKEN } as RegistryConfig);

  it('admits the configured bearer token, whatever the case of the scheme', () => {
    expect(outcome(guard, `Bearer ${TOKEN}`)).toBe(true);
    expect(outcome(guard, `bearer ${TOKEN}`)).toBe(true);
  });

  it('refuses a missing token or another scheme as admin-token-missing', () => {
    for (const header of [undefined, '', 'Bearer', `Basic ${TOKEN}`, TOKEN]) {
      expect(outcome(guard, header)).toMatchObject({ code: 'admin-token-missing', kind: 'unauthorized' });
    }
  });

  it('refuses a wrong, shorter, longer or padded token as admin-token-invalid', () => {
    for (const token of ['wrong', TOKEN.slice(0, -1), `${TOKEN}x`, TOKEN.toUpperCase()]) {
      expect(outcome(guard, `Bearer ${token}`)).toMatchObject({ code: 'admin-token-invalid', kind: 'unauthorized' });
    }
  });

  it('asks for a bearer token on refusal', () => {
    const { context, headers } = contextWith('Bearer wrong');
    expect(() => guard.canActivate(context)).toThrow(DomainError);
    expect(headers['WWW-Authenticate']).toBe('Bearer realm="bureaunet-registry"');
  });
});

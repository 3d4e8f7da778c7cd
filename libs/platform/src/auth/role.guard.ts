import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { DomainError } from '@bureaunet/contracts';
import { bearerToken } from './bearer-token';
import type { Caller } from './caller';
import { recordCaller } from './caller-role';
import { PERSON_AUTHENTICATOR, type PersonAuthenticator } from './person-authenticator';
import { PUBLIC_KEY } from './public.decorator';
import type { Role } from './role';
import { RoleTokens } from './role-tokens';
import { ROLES_KEY } from './roles.decorator';

export const ROLE_TOKENS = Symbol('ROLE_TOKENS');

/**
 * Every HTTP route of a service (installed as APP_GUARD by roleGuardProviders): @Public routes
 * pass; any other wants a caller — a static role token (machine clients) or a person (session or
 * personal token, when the service has accounts) — else 401, and one of the roles the route names
 * with @Roles, else 403. A route that says neither admits nobody, so a forgotten decorator fails closed.
 */
@Injectable()
export class RoleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ROLE_TOKENS) private readonly tokens: RoleTokens,
    @Optional() @Inject(PERSON_AUTHENTICATOR) private readonly persons?: PersonAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // NATS handlers have no bearer token: the broker's per-user permissions decide who reaches them.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const caller = await this.callerOf(request, allowed);
    if (!caller) {
      http.getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="bureaunet"');
      const presented = bearerToken(request.headers.authorization) !== undefined;
      throw new DomainError(
        presented ? 'token-invalid' : 'token-missing',
        'sign in, or present a valid bearer token',
        'unauthorized',
      );
    }
    if (!allowed.includes(caller.role))
      throw new DomainError(
        'role-forbidden',
        `the ${caller.role} role may not do this (needs ${allowed.join(' or ') || 'a role this route does not name'})`,
        'forbidden',
      );
    recordCaller(request, caller);
    return true;
  }

  private async callerOf(request: Request, allowed: readonly Role[]): Promise<Caller | undefined> {
    const presented = bearerToken(request.headers.authorization);
    const role = presented === undefined ? undefined : this.tokens.roleOf(presented);
    if (role) return { kind: 'machine', role };
    const person = await this.persons?.authenticate(request);
    if (!person) return undefined;
    // A person with several roles acts under the first one the route admits (else their first, for the 403).
    const admitted = person.roles.find((held) => allowed.includes(held)) ?? person.roles[0];
    if (!admitted) throw new DomainError('role-forbidden', `${person.username} holds no role`, 'forbidden');
    return { kind: 'person', role: admitted, person };
  }
}

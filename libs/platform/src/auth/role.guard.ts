import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { DomainError } from '@bureaunet/contracts';
import { setActingRole } from './acting-role';
import { bearerToken } from './bearer-token';
import { PUBLIC_KEY } from './public.decorator';
import type { Role } from './role';
import { RoleTokens } from './role-tokens';
import { ROLES_KEY } from './roles.decorator';

export const ROLE_TOKENS = Symbol('ROLE_TOKENS');

/**
 * Every HTTP route of a service (installed as APP_GUARD by roleGuardProviders): @Public routes
 * pass; any other wants a known bearer token (401) whose role the route names with @Roles (403).
 * A route that says neither admits nobody, so a forgotten decorator fails closed.
 */
@Injectable()
export class RoleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ROLE_TOKENS) private readonly tokens: RoleTokens,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    // NATS handlers have no bearer token: the broker's per-user permissions decide who reaches them.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const presented = bearerToken(request.headers.authorization);
    const role = presented === undefined ? undefined : this.tokens.roleOf(presented);
    if (!role) {
      http.getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="bureaunet"');
      throw new DomainError(
        presented === undefined ? 'token-missing' : 'token-invalid',
        'a valid bearer token is required',
        'unauthorized',
      );
    }
    if (!allowed.includes(role))
      throw new DomainError(
        'role-forbidden',
        `the ${role} role may not do this (needs ${allowed.join(' or ') || 'a role this route does not name'})`,
        'forbidden',
      );
    setActingRole(request, role);
    return true;
  }
}

import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { DomainError } from '@bureaunet/contracts';
import type { Role } from './role';
import { RoleTokens } from './role-tokens';
import { ROLES_KEY } from './roles.decorator';

export const ROLE_TOKENS = Symbol('ROLE_TOKENS');

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * 401 without a known bearer token, 403 when its role is not one the route names. A route under
 * this guard without @Roles admits nobody.
 */
@Injectable()
export class RoleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ROLE_TOKENS) private readonly tokens: RoleTokens,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const allowed =
      this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]) ?? [];
    const http = context.switchToHttp();
    const presented = BEARER.exec(http.getRequest<Request>().headers.authorization ?? '')?.[1];
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
    return true;
  }
}

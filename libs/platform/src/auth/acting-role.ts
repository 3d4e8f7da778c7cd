import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from './role';

/** Where RoleGuard leaves the role it admitted: a symbol, so no body or header can set it. */
const ACTING_ROLE = Symbol('bureaunet:acting-role');

type RequestWithRole = Request & { [ACTING_ROLE]?: Role };

/** Called by RoleGuard once it has admitted the request's bearer token. */
export function setActingRole(request: Request, role: Role): void {
  (request as RequestWithRole)[ACTING_ROLE] = role;
}

/** The role RoleGuard admitted for this request; undefined on a @Public route. */
export function actingRoleOf(request: Request): Role | undefined {
  return (request as RequestWithRole)[ACTING_ROLE];
}

/** The role whose token made this request (a @Roles route only), for attributing what it does. */
export const ActingRole = createParamDecorator((_: unknown, context: ExecutionContext): Role | undefined =>
  actingRoleOf(context.switchToHttp().getRequest<Request>()),
);

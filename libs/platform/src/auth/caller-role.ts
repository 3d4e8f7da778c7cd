import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from './role';

// Kept beside the request rather than on it: nothing else can set or read it by a property name.
const ROLE_OF_REQUEST = new WeakMap<object, Role>();

/** RoleGuard records the role a request's token grants, for the route that must attribute it. */
export function recordCallerRole(request: object, role: Role): void {
  ROLE_OF_REQUEST.set(request, role);
}

/** The role RoleGuard granted this HTTP request (undefined on a @Public route). */
export function callerRoleOf(request: object): Role | undefined {
  return ROLE_OF_REQUEST.get(request);
}

/** Route parameter: the caller's role, e.g. to attribute a border check in its log. */
export const CallerRole = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  callerRoleOf(context.switchToHttp().getRequest<object>()),
);

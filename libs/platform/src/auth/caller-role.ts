import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Caller } from './caller';
import type { Role } from './role';

// Kept beside the request rather than on it: nothing else can set or read it by a property name.
const CALLER_OF_REQUEST = new WeakMap<object, Caller>();

/** RoleGuard records who a request's credentials name, for the route that must attribute it. */
export function recordCaller(request: object, caller: Caller): void {
  CALLER_OF_REQUEST.set(request, caller);
}

/** Who RoleGuard admitted for this HTTP request (undefined on a @Public route). */
export function callerOf(request: object): Caller | undefined {
  return CALLER_OF_REQUEST.get(request);
}

/** The role RoleGuard admitted this HTTP request under (undefined on a @Public route). */
export function callerRoleOf(request: object): Role | undefined {
  return CALLER_OF_REQUEST.get(request)?.role;
}

/** Route parameter: the caller's role, e.g. to attribute a border check in its log. */
export const CallerRole = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  callerRoleOf(context.switchToHttp().getRequest<object>()),
);

/** Route parameter: the whole caller (person or machine client), for attributed actions. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  callerOf(context.switchToHttp().getRequest<object>()),
);

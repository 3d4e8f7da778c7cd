import type { Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ROLE_TOKENS, RoleGuard } from './role.guard';
import type { RoleTokens } from './role-tokens';

/** One service's tokens, and RoleGuard over every route of it (deny by default). */
export function roleGuardProviders(tokens: () => RoleTokens): Provider[] {
  return [
    { provide: ROLE_TOKENS, useFactory: tokens },
    { provide: APP_GUARD, useClass: RoleGuard },
  ];
}

import { Inject, Injectable } from '@nestjs/common';
import { bearerToken, ROLE_TOKENS, RoleTokens } from '@bureaunet/platform';

/**
 * The role behind a request's bearer token, to record who made a change. RoleGuard has already
 * admitted the request; "unknown" is only what a route outside the guard would see.
 */
@Injectable()
export class CallerRole {
  constructor(@Inject(ROLE_TOKENS) private readonly tokens: RoleTokens) {}

  of(authorization: string | undefined): string {
    const token = bearerToken(authorization);
    return (token === undefined ? undefined : this.tokens.roleOf(token)) ?? 'unknown';
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { bearerToken, ROLE_TOKENS, RoleTokens, type Role } from '@bureaunet/platform';

/**
 * The role behind a request's bearer token, where a route admits several roles to different
 * rows. RoleGuard has already admitted the request, so a token always has a role here.
 */
@Injectable()
export class CallerRole {
  constructor(@Inject(ROLE_TOKENS) private readonly tokens: RoleTokens) {}

  of(authorization: string | undefined): Role | undefined {
    const token = bearerToken(authorization);
    return token === undefined ? undefined : this.tokens.roleOf(token);
  }
}

import { createHash, timingSafeEqual } from 'node:crypto';
import { Role, isRole } from './role';

/**
 * Bearer tokens and the role each grants, from configuration such as
 * "admin:<token>,auditor:<token>". Tokens are kept only as SHA-256 digests.
 */
export class RoleTokens {
  private readonly entries: Array<{ digest: Buffer; role: Role }>;

  constructor(grants: ReadonlyArray<{ role: Role; token: string }>) {
    this.entries = grants.map((grant) => ({ role: grant.role, digest: digest(grant.token) }));
  }

  /** Parses "role:token,role:token"; throws naming the bad part. */
  static parse(spec: string): RoleTokens {
    const grants = spec
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const separator = part.indexOf(':');
        const role = part.slice(0, separator);
        const token = part.slice(separator + 1);
        if (separator < 1 || !isRole(role))
          throw new Error(`role token "${part.slice(0, 20)}…" must be <role>:<token> with a known role`);
        if (token.length < 16) throw new Error(`the ${role} token must be at least 16 characters`);
        return { role, token };
      });
    return new RoleTokens(grants);
  }

  /** The role a presented token grants, compared in constant time; undefined when none. */
  roleOf(token: string): Role | undefined {
    const presented = digest(token);
    let found: Role | undefined;
    for (const entry of this.entries) if (timingSafeEqual(entry.digest, presented)) found = entry.role;
    return found;
  }
}

// Digests first: timingSafeEqual needs equal lengths, and the comparison must not reveal a token's length.
function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

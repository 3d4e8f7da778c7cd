import type { CertificateStatus } from '@bureaunet/evidence';

/** What the registry knows of one signing certificate now. */
export interface CertificateFacts {
  code: string;
  fingerprint: string;
  notAfter: Date;
  revokedAt: Date | null;
  /** Set when a renewal replaced it: honoured until then. */
  overlapUntil: Date | null;
  bureauStatus: 'active' | 'suspended';
}

export interface StandingPolicy {
  /** How long a statement is in force (STATUS_STATEMENT_TTL_MS). */
  ttlMs: number;
}

/**
 * The statement the certificate deserves now, or undefined when none is due: a revocation is said
 * once, dated when it happened; a good or suspended word is said again when it changed or when
 * less than half of the last one's life is left; nothing is said of a certificate past its expiry
 * or its renewal overlap (its last statement lapses, so it is in good standing no longer).
 */
export function dueStatement(
  facts: CertificateFacts,
  last: Pick<CertificateStatus, 'status' | 'asOf' | 'expiresAt'> | undefined,
  now: Date,
  policy: StandingPolicy,
): CertificateStatus | undefined {
  const base = { code: facts.code, fingerprint: facts.fingerprint };
  if (facts.revokedAt) {
    if (last?.status === 'revoked') return undefined;
    return {
      ...base,
      status: 'revoked',
      asOf: facts.revokedAt.toISOString(),
      expiresAt: new Date(Math.max(now.getTime(), facts.revokedAt.getTime()) + policy.ttlMs).toISOString(),
    };
  }
  const honouredUntil = Math.min(facts.notAfter.getTime(), facts.overlapUntil?.getTime() ?? Infinity);
  if (now.getTime() >= honouredUntil) return undefined;
  const status = facts.bureauStatus === 'suspended' ? 'suspended' : 'good';
  const expiresAt = Math.min(now.getTime() + policy.ttlMs, honouredUntil);
  // Near the end of the certificate's life a new statement would reach no further: none then.
  if (last?.status === status && (!halfSpent(last, now) || Date.parse(last.expiresAt) >= expiresAt)) return undefined;
  return { ...base, status, asOf: now.toISOString(), expiresAt: new Date(expiresAt).toISOString() };
}

function halfSpent(last: Pick<CertificateStatus, 'asOf' | 'expiresAt'>, now: Date): boolean {
  const asOf = Date.parse(last.asOf);
  const expiresAt = Date.parse(last.expiresAt);
  return now.getTime() >= asOf + (expiresAt - asOf) / 2;
}

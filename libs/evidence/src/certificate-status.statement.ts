import type { KeyObject } from 'node:crypto';
import { FlattenedSign } from 'jose';
import { z } from 'zod';
import type { OpenedJws } from './signed-jws';

export const CERTIFICATE_STATUS_TYP = 'bureaunet-certificate-status+jws';

/** The registry's signed, dated word on one certificate: in force from asOf to expiresAt. */
export const certificateStatusSchema = z
  .object({
    code: z.string().min(1).max(16),
    /** base64url(SHA-256(DER)) of the certificate. */
    fingerprint: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    status: z.enum(['good', 'revoked', 'suspended']),
    asOf: z.string().datetime(),
    expiresAt: z.string().datetime(),
  })
  .strict();
export type CertificateStatus = z.infer<typeof certificateStatusSchema>;

/** Signs a statement as the registry will; returns base64url of the JWS JSON bytes. */
export async function signCertificateStatus(
  status: CertificateStatus,
  signer: { kid: string; key: KeyObject },
): Promise<string> {
  const checked = certificateStatusSchema.parse(status);
  const jws = await new FlattenedSign(new TextEncoder().encode(JSON.stringify(checked)))
    .setProtectedHeader({ alg: 'EdDSA', kid: signer.kid, typ: CERTIFICATE_STATUS_TYP })
    .sign(signer.key);
  return Buffer.from(JSON.stringify(jws), 'utf8').toString('base64url');
}

export function readCertificateStatus(jws: OpenedJws, what: string): CertificateStatus {
  if (jws.header.typ !== CERTIFICATE_STATUS_TYP) throw new Error(`${what} has typ ${String(jws.header.typ)}`);
  const checked = certificateStatusSchema.safeParse(jws.payload);
  if (!checked.success) throw new Error(`${what} is not a certificate status: ${checked.error.issues[0]?.message}`);
  if (Date.parse(checked.data.expiresAt) <= Date.parse(checked.data.asOf))
    throw new Error(`${what} expires before it is dated`);
  return checked.data;
}

/**
 * Whether the certificate was in good standing at `at`: a revocation dated at or before `at`, or a
 * suspension in force at `at`, wins (a revocation is final, a suspension is lifted); otherwise a
 * good statement must cover it (asOf ≤ at ≤ expiresAt).
 */
export function statusAt(statements: readonly CertificateStatus[], at: Date): { ok: boolean; reason: string } {
  const time = at.getTime();
  const covers = (s: CertificateStatus): boolean => Date.parse(s.asOf) <= time && time <= Date.parse(s.expiresAt);
  const against = statements.find(
    (s) => (s.status === 'revoked' && Date.parse(s.asOf) <= time) || (s.status === 'suspended' && covers(s)),
  );
  if (against) return { ok: false, reason: `${against.status} as of ${against.asOf}` };
  const inForce = statements.find((s) => s.status === 'good' && covers(s));
  if (!inForce) return { ok: false, reason: `no good status statement in force at ${at.toISOString()}` };
  return { ok: true, reason: `good as of ${inForce.asOf}, until ${inForce.expiresAt}` };
}

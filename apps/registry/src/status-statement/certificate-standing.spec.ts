import { dueStatement, type CertificateFacts } from './certificate-standing';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-12-02T00:00:00.000Z');
const at = (hours: number) => new Date(T0 + hours * HOUR);
const policy = { ttlMs: 24 * HOUR };
const facts: CertificateFacts = {
  code: 'DK',
  fingerprint: 'A'.repeat(43),
  notAfter: at(24 * 30),
  revokedAt: null,
  overlapUntil: null,
  bureauStatus: 'active',
};

describe('dueStatement', () => {
  it('says good for a day when nothing was said yet', () => {
    expect(dueStatement(facts, undefined, at(0), policy)).toEqual({
      code: 'DK',
      fingerprint: facts.fingerprint,
      status: 'good',
      asOf: at(0).toISOString(),
      expiresAt: at(24).toISOString(),
    });
  });

  it('says it again only once half of the last statement is spent', () => {
    const last = { status: 'good' as const, asOf: at(0).toISOString(), expiresAt: at(24).toISOString() };
    expect(dueStatement(facts, last, at(11), policy)).toBeUndefined();
    expect(dueStatement(facts, last, at(12), policy)).toMatchObject({
      status: 'good',
      expiresAt: at(36).toISOString(),
    });
  });

  it('says suspended at once when the bureau is suspended', () => {
    const last = { status: 'good' as const, asOf: at(0).toISOString(), expiresAt: at(24).toISOString() };
    expect(dueStatement({ ...facts, bureauStatus: 'suspended' }, last, at(1), policy)).toMatchObject({
      status: 'suspended',
      asOf: at(1).toISOString(),
    });
  });

  it('says a revocation once, dated when it was made', () => {
    const revoked = { ...facts, revokedAt: at(2) };
    const statement = dueStatement(revoked, undefined, at(3), policy);
    expect(statement).toMatchObject({ status: 'revoked', asOf: at(2).toISOString(), expiresAt: at(27).toISOString() });
    expect(dueStatement(revoked, statement, at(100), policy)).toBeUndefined();
  });

  it('never reaches past the certificate or its renewal overlap, and says nothing once they are over', () => {
    const replaced = { ...facts, overlapUntil: at(5) };
    expect(dueStatement(replaced, undefined, at(1), policy)).toMatchObject({ expiresAt: at(5).toISOString() });
    const last = { status: 'good' as const, asOf: at(1).toISOString(), expiresAt: at(5).toISOString() };
    expect(dueStatement(replaced, last, at(4), policy)).toBeUndefined();
    expect(dueStatement(replaced, undefined, at(5), policy)).toBeUndefined();
    expect(dueStatement({ ...facts, notAfter: at(3) }, undefined, at(3), policy)).toBeUndefined();
  });
});

import { statusAt, type CertificateStatus } from './certificate-status.statement';

const statement = (status: CertificateStatus['status'], asOf: string, expiresAt: string): CertificateStatus => ({
  code: 'DK',
  fingerprint: 'A'.repeat(43),
  status,
  asOf,
  expiresAt,
});
const good = statement('good', '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z');

describe('statusAt', () => {
  it('holds inside a good statement, from asOf to expiresAt inclusive', () => {
    expect(statusAt([good], new Date('2026-12-01T00:00:00Z')).ok).toBe(true);
    expect(statusAt([good], new Date('2026-12-02T00:00:00Z')).ok).toBe(true);
  });

  it('fails before or after every good statement', () => {
    expect(statusAt([good], new Date('2026-11-30T23:59:59Z'))).toEqual({
      ok: false,
      reason: 'no good status statement in force at 2026-11-30T23:59:59.000Z',
    });
    expect(statusAt([good], new Date('2026-12-02T00:00:01Z')).ok).toBe(false);
  });

  it('lets a revocation dated at or before the use win for good, a suspension only while in force', () => {
    const revoked = statement('revoked', '2026-12-01T12:00:00Z', '2026-12-09T00:00:00Z');
    expect(statusAt([good, revoked], new Date('2026-12-01T11:59:59Z')).ok).toBe(true);
    expect(statusAt([good, revoked], new Date('2026-12-01T12:00:00Z'))).toEqual({
      ok: false,
      reason: 'revoked as of 2026-12-01T12:00:00Z',
    });
    const suspended = statement('suspended', '2026-12-01T06:00:00Z', '2026-12-01T07:00:00Z');
    expect(statusAt([good, suspended], new Date('2026-12-01T06:30:00Z')).reason).toBe(
      'suspended as of 2026-12-01T06:00:00Z',
    );
    expect(statusAt([good, suspended], new Date('2026-12-01T08:00:00Z')).ok).toBe(true); // lifted
  });
});

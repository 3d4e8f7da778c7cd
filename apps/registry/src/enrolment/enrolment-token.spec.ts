import { createHash } from 'node:crypto';
import { DomainError } from '@bureaunet/contracts';
import { checkEnrolmentToken, hashEnrolmentToken, type StoredEnrolmentToken } from './enrolment-token';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const VALID: StoredEnrolmentToken = { code: 'FR', expiresAt: new Date('2026-06-02T12:00:00.000Z'), usedAt: null };

function refusal(stored: StoredEnrolmentToken | null, code = 'FR', now = NOW): DomainError | undefined {
  try {
    checkEnrolmentToken(stored, code, now);
    return undefined;
  } catch (error) {
    return error as DomainError;
  }
}

describe('checkEnrolmentToken', () => {
  it('accepts an unused token for this bureau before it expires', () => {
    expect(refusal(VALID)).toBeUndefined();
  });

  it('refuses each fault with its own code, all as unauthorized', () => {
    expect(refusal(null)).toMatchObject({ code: 'enrolment-token-invalid', kind: 'unauthorized' });
    expect(refusal({ ...VALID, usedAt: NOW })).toMatchObject({ code: 'enrolment-token-used', kind: 'unauthorized' });
    expect(refusal(VALID, 'DE')).toMatchObject({
      code: 'enrolment-token-wrong-bureau',
      kind: 'unauthorized',
      message: 'the enrolment token was not issued for DE',
    });
    expect(refusal(VALID, 'FR', VALID.expiresAt)).toMatchObject({
      code: 'enrolment-token-expired',
      kind: 'unauthorized',
    });
  });

  it('reports a used token as used even when it is also expired or for another bureau', () => {
    const used = { ...VALID, usedAt: NOW };
    expect(refusal(used, 'DE', new Date('2027-01-01T00:00:00.000Z'))).toMatchObject({ code: 'enrolment-token-used' });
  });
});

describe('hashEnrolmentToken', () => {
  it('is the lower-case hex SHA-256 of the token text', () => {
    expect(hashEnrolmentToken('abc')).toBe(createHash('sha256').update('abc').digest('hex'));
    expect(hashEnrolmentToken('abc')).toMatch(/^[0-9a-f]{64}$/);
  });
});

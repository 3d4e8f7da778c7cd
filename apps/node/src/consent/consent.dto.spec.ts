import { AskConsentDto, ConsentListQueryDto, GrantConsentDto, RefuseConsentDto } from './consent.dto';

const issues = (result: { success: boolean; error?: { issues: Array<{ path: unknown[]; message: string }> } }) =>
  result.success ? [] : result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('consent API input', () => {
  it('asks for onward sharing with named bureaus, or evidence or coercive action without them', () => {
    expect(issues(AskConsentDto.schema.safeParse({ purpose: 'onward-sharing', bureaus: ['DK', 'FR'] }))).toEqual([]);
    expect(issues(AskConsentDto.schema.safeParse({ purpose: 'evidence', note: 'for the trial' }))).toEqual([]);
    expect(issues(AskConsentDto.schema.safeParse({ purpose: 'onward-sharing' }))).toEqual([
      'bureaus: onward-sharing names the bureaus it is for',
    ]);
    expect(issues(AskConsentDto.schema.safeParse({ purpose: 'evidence', bureaus: ['DK'] }))).toEqual([
      'bureaus: belong to onward-sharing, not evidence',
    ]);
    expect(issues(AskConsentDto.schema.safeParse({ purpose: 'onward-sharing', bureaus: ['DK', 'DK'] }))).toEqual([
      'bureaus: names a bureau more than once',
    ]);
    expect(issues(AskConsentDto.schema.safeParse({ purpose: 'share' }))).toHaveLength(1);
    expect(issues(AskConsentDto.schema.safeParse({ purpose: 'evidence', note: 'x'.repeat(1001) }))).toHaveLength(1);
    expect(issues(AskConsentDto.schema.safeParse({ purpose: 'evidence', extra: 1 }))).toHaveLength(1);
  });

  it('bounds the bureaus of one request', () => {
    const many = Array.from(
      { length: 51 },
      (_, index) => `${String.fromCharCode(65 + Math.floor(index / 26))}${String.fromCharCode(65 + (index % 26))}`,
    );
    expect(issues(AskConsentDto.schema.safeParse({ purpose: 'onward-sharing', bureaus: many }))).toEqual([
      'bureaus: must name at most 50 bureaus',
    ]);
  });

  it('takes a grant’s expiry as an instant with any offset, brought to UTC', () => {
    expect(GrantConsentDto.schema.parse({ expiresAt: '2026-12-31T12:00:00+01:00' })).toEqual({
      expiresAt: '2026-12-31T11:00:00.000Z',
    });
    expect(GrantConsentDto.schema.parse({})).toEqual({});
    expect(issues(GrantConsentDto.schema.safeParse({ expiresAt: 'next week' }))).toEqual([
      'expiresAt: must be an ISO 8601 instant',
    ]);
  });

  it('needs a reason to refuse, and bounds it', () => {
    expect(issues(RefuseConsentDto.schema.safeParse({ reason: '  ' }))).toEqual(['reason: must not be empty']);
    expect(issues(RefuseConsentDto.schema.safeParse({}))).toHaveLength(1);
    expect(issues(RefuseConsentDto.schema.safeParse({ reason: 'no' }))).toEqual([]);
  });

  it('lists by direction and state, at most 200', () => {
    expect(
      issues(ConsentListQueryDto.schema.safeParse({ direction: 'incoming', state: 'pending', limit: '10' })),
    ).toEqual([]);
    expect(issues(ConsentListQueryDto.schema.safeParse({ limit: '201' }))).toHaveLength(1);
    expect(issues(ConsentListQueryDto.schema.safeParse({ direction: 'sideways' }))).toHaveLength(1);
  });
});

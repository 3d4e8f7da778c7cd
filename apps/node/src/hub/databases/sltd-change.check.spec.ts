import type { SltdChange } from '@bureaunet/contracts';
import { issuerChanges, supersedes } from './sltd-change.check';

const index = (digit: string) => digit.repeat(64);
const entry = (issuingCountry: string, at: string, version: number): SltdChange => ({
  index: index(at),
  issuingCountry,
  version,
  status: 'stolen',
  sealed: 'AQID',
});
const withdrawal = (issuingCountry: string, at: string, version: number): SltdChange => ({
  index: index(at),
  issuingCountry,
  version,
  withdrawn: true,
});
const from = (sender: string, recordOwner?: string) => ({
  from: sender,
  meta: recordOwner === undefined ? {} : { recordOwner },
});

describe('issuerChanges: only the issuer changes its records', () => {
  it("accepts the sender's own changes when it names itself the record owner", () => {
    const changes = [entry('DK', 'a', 1), withdrawal('DK', 'b', 2)];
    expect(issuerChanges(from('DK', 'DK'), { changes })).toEqual({ accepted: changes, refused: 0 });
  });

  it("refuses a change to another country's record, keeping the sender's own", () => {
    const own = entry('MR', 'a', 1);
    expect(issuerChanges(from('MR', 'MR'), { changes: [entry('DK', 'b', 1), own] })).toEqual({
      accepted: [own],
      refused: 1,
    });
  });

  it('refuses every change when the record owner is another bureau or is not named', () => {
    const changes = [entry('MR', 'a', 1), entry('DK', 'b', 1)];
    expect(issuerChanges(from('MR', 'DK'), { changes })).toEqual({ accepted: [], refused: 2 });
    expect(issuerChanges(from('DK'), { changes: [entry('DK', 'a', 1)] })).toEqual({ accepted: [], refused: 1 });
  });

  it('keeps the highest version of an entry named twice in one envelope', () => {
    const changes = [entry('DK', 'a', 2), withdrawal('DK', 'a', 3), entry('DK', 'a', 1)];
    expect(issuerChanges(from('DK', 'DK'), { changes }).accepted).toEqual([withdrawal('DK', 'a', 3)]);
  });
});

describe('supersedes: a change replaces the stored entry only at a higher version', () => {
  it.each([
    [1, undefined, true],
    [2, 1, true],
    [1, 1, false],
    [1, 2, false],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1, true],
  ])('version %p over %p: %p', (version, stored, expected) => {
    expect(supersedes({ version }, stored === undefined ? undefined : { version: stored })).toBe(expected);
  });
});

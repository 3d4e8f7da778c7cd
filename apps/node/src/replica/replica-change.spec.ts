import { sltdEntrySubject } from '@bureaunet/contracts';
import { newestPerEntry, readReplicaChange, replicaRowOf } from './replica-change';

const INDEX = 'ab'.repeat(32);
const SEALED = Buffer.alloc(95, 7).toString('base64url');
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const message = (body: unknown, sequence = 1, subject = sltdEntrySubject('DK', INDEX)) => ({
  subject,
  sequence,
  data: typeof body === 'string' ? new TextEncoder().encode(body) : encode(body),
});

describe('a replica message', () => {
  const entry = { index: INDEX, issuingCountry: 'DK', version: 2, status: 'stolen', sealed: SEALED };

  it('reads an entry and a withdrawal into rows', () => {
    const read = readReplicaChange(message(entry, 7));
    expect(read).toEqual({ ok: true, change: entry, sequence: 7 });
    expect(read.ok && replicaRowOf(read.change, 7)).toEqual({
      issuingCountry: 'DK',
      index: INDEX,
      version: 2,
      status: 'stolen',
      sealed: Buffer.alloc(95, 7),
      sequence: 7,
    });
    const withdrawal = { index: INDEX, issuingCountry: 'DK', version: 3, withdrawn: true };
    const readWithdrawal = readReplicaChange(message(withdrawal, 8));
    expect(readWithdrawal.ok && replicaRowOf(readWithdrawal.change, 8)).toEqual({
      issuingCountry: 'DK',
      index: INDEX,
      version: 3,
      status: 'withdrawn',
      sealed: null,
      sequence: 8,
    });
  });

  it('refuses what is not an entry, naming fields but no value', () => {
    expect(readReplicaChange(message('{"index":'))).toEqual({ ok: false, sequence: 1, problem: 'not UTF-8 JSON' });
    const bad = readReplicaChange(message({ ...entry, status: 'SECRET-VALUE' }));
    expect(bad).toMatchObject({ ok: false, sequence: 1 });
    expect(!bad.ok && bad.problem).not.toContain('SECRET-VALUE');
    expect(readReplicaChange(message({ ...entry, extra: 1 }))).toMatchObject({ ok: false });
  });

  it("refuses an entry published on another entry's subject", () => {
    expect(readReplicaChange(message(entry, 1, sltdEntrySubject('SE', INDEX)))).toEqual({
      ok: false,
      sequence: 1,
      problem: "published on another entry's subject",
    });
  });

  it('keeps the newest version of each entry in a batch', () => {
    const row = (index: string, version: number, sequence: number) => ({
      issuingCountry: 'DK',
      index,
      version,
      status: 'lost' as const,
      sealed: null,
      sequence,
    });
    const other = 'cd'.repeat(32);
    expect(newestPerEntry([row(INDEX, 2, 1), row(other, 1, 2), row(INDEX, 1, 3), row(INDEX, 2, 4)])).toEqual([
      row(INDEX, 2, 4),
      row(other, 1, 2),
    ]);
  });
});

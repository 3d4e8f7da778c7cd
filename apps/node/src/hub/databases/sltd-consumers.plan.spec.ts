import type { DirectoryEntry } from '@bureaunet/contracts';
import { keptStart, resyncStart, sltdConsumerCodes, sltdConsumerSpec } from './sltd-consumers.plan';

const entry = (code: string, role: DirectoryEntry['role'] = 'bureau'): DirectoryEntry => ({
  code,
  role,
  status: 'active',
  revokedSerials: [],
  version: 1,
});

describe('replica consumers plan', () => {
  it('gives every bureau and the hub one consumer on every entry subject, none to the gateway', () => {
    expect(
      sltdConsumerCodes([entry('MR'), entry('XG', 'gateway'), entry('XH', 'hub'), entry('DK'), entry('MR')]),
    ).toEqual(['DK', 'MR', 'XH']);
    expect(sltdConsumerSpec('DK')).toEqual({
      stream: 'BN_SLTD',
      durable: 'sltd-DK',
      filterSubject: 'bn.sltd.entry.>',
      ackWaitMs: 30_000,
      maxAckPending: 1_024,
      maxRequestBytes: 1_048_576,
    });
    expect(sltdConsumerSpec('DK', 8)).toMatchObject({ startSequence: 8 });
  });

  it('places a resync after what the replica holds, from the start for an empty replica or a stream made anew', () => {
    expect(resyncStart(0, 10)).toBeUndefined();
    expect(resyncStart(7, 10)).toBe(8);
    expect(resyncStart(10, 10)).toBe(11);
    expect(resyncStart(11, 10)).toBeUndefined();
  });

  it('keeps the start position a resync gave, and only that', () => {
    expect(keptStart({ deliver_policy: 'by_start_sequence', opt_start_seq: 42 })).toBe(42);
    expect(keptStart({ deliver_policy: 'all' })).toBeUndefined();
    expect(keptStart({ deliver_policy: 'new' })).toBeUndefined();
    expect(keptStart(undefined)).toBeUndefined();
  });
});

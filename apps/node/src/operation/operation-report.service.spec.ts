import type { Operation, OperationChange } from '@bureaunet/contracts';
import { outcomesOf } from './operation-report.service';

const OPERATION: Operation = {
  id: 'op-north',
  name: 'North',
  coordinator: 'DK',
  participants: ['MR', 'FR'],
  start: '2026-12-01T10:00:00.000Z',
  end: '2026-12-01T12:00:00.000Z',
};
const created: OperationChange = {
  version: 2,
  change: 'created',
  at: '2026-12-01T09:00:00.000Z',
  author: 'DK person:dana',
  operation: OPERATION,
};

describe('an operation’s outcomes in its report', () => {
  it('lists participants withdrawn and added, an extension and an early end with its reason', () => {
    const changes: OperationChange[] = [
      created,
      {
        ...created,
        version: 3,
        change: 'amended',
        at: '2026-12-01T10:30:00.000Z',
        operation: { ...OPERATION, participants: ['MR', 'IT'] },
        added: ['IT'],
        removed: ['FR'],
      },
      {
        ...created,
        version: 4,
        change: 'amended',
        at: '2026-12-01T11:00:00.000Z',
        operation: { ...OPERATION, end: '2026-12-01T14:00:00.000Z' },
        previousEnd: OPERATION.end,
      },
      {
        ...created,
        version: 5,
        change: 'ended',
        at: '2026-12-01T11:30:00.000Z',
        operation: { ...OPERATION, end: '2026-12-01T11:30:00.000Z' },
        previousEnd: '2026-12-01T14:00:00.000Z',
        reason: 'suspects arrested',
      },
    ];
    expect(outcomesOf(changes, new Date('2026-12-01T15:00:00.000Z'))).toEqual([
      { at: '2026-12-01T10:30:00.000Z', author: 'DK person:dana', kind: 'participants-added', bureaus: ['IT'] },
      { at: '2026-12-01T10:30:00.000Z', author: 'DK person:dana', kind: 'participants-withdrawn', bureaus: ['FR'] },
      { at: '2026-12-01T11:00:00.000Z', author: 'DK person:dana', kind: 'extended' },
      { at: '2026-12-01T11:30:00.000Z', author: 'DK person:dana', kind: 'ended-early', reason: 'suspects arrested' },
    ]);
  });

  it('says an operation ended at its planned end once that is past, and nothing while it runs', () => {
    expect(outcomesOf([created], new Date('2026-12-01T11:00:00.000Z'))).toEqual([]);
    expect(outcomesOf([created], new Date('2026-12-01T13:00:00.000Z'))).toEqual([{ at: OPERATION.end, kind: 'ended' }]);
  });
});

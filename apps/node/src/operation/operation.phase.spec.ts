import { RuleRefusedError, type Operation } from '@bureaunet/contracts';
import { assertAlertable, operationPhase } from './operation.phase';

const OPERATION: Operation = {
  id: 'op-north',
  name: 'North',
  coordinator: 'DK',
  participants: ['MR'],
  start: '2026-12-01T10:00:00.000Z',
  end: '2026-12-01T12:00:00.000Z',
};

describe('an operation’s phase and its alerts', () => {
  it('is planned before the start, running from the start, ended from the end', () => {
    expect(operationPhase(OPERATION, new Date('2026-12-01T09:59:59.999Z'))).toBe('planned');
    expect(operationPhase(OPERATION, new Date(OPERATION.start))).toBe('running');
    expect(operationPhase(OPERATION, new Date(OPERATION.end))).toBe('ended');
  });

  it('lets an alert through while the operation runs', () => {
    expect(() => assertAlertable(OPERATION, new Date('2026-12-01T11:00:00.000Z'))).not.toThrow();
  });

  it('refuses an alert after the end, naming the rule and the end time', () => {
    let refusal: unknown;
    try {
      assertAlertable(OPERATION, new Date(OPERATION.end));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(RuleRefusedError);
    expect(refusal).toMatchObject({
      code: 'operation-not-running',
      kind: 'unprocessable',
      rule: 'operation-alert-while-running',
      message:
        'operation op-north ended at 2026-12-01T12:00:00.000Z: rule operation-alert-while-running refuses its alerts after the end',
    });
  });

  it('refuses an alert before the start, naming the start time', () => {
    expect(() => assertAlertable(OPERATION, new Date('2026-12-01T09:00:00.000Z'))).toThrow(
      'operation op-north starts at 2026-12-01T10:00:00.000Z: rule operation-alert-while-running refuses its alerts before the start',
    );
  });
});

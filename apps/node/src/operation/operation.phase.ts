import { RuleRefusedError, type Operation } from '@bureaunet/contracts';

export type OperationPhase = 'planned' | 'running' | 'ended';

/** The gateway's policy that lets an operation's alerts through only between its start and its end. */
export const ALERT_WHILE_RUNNING_RULE = 'operation-alert-while-running';

/** Where an operation stands at `now` (instants compare as ISO strings: all are toISOString's form). */
export function operationPhase(operation: Pick<Operation, 'start' | 'end'>, now: Date): OperationPhase {
  const at = now.toISOString();
  return at < operation.start ? 'planned' : at < operation.end ? 'running' : 'ended';
}

/**
 * Refuses at once an alert the gateway would refuse under ALERT_WHILE_RUNNING_RULE, so that the
 * coordinator hears it now rather than from a delivery report.
 */
export function assertAlertable(operation: Operation, now: Date): void {
  const phase = operationPhase(operation, now);
  if (phase === 'running') return;
  throw new RuleRefusedError(
    'operation-not-running',
    phase === 'ended'
      ? `operation ${operation.id} ended at ${operation.end}: rule ${ALERT_WHILE_RUNNING_RULE} refuses its alerts after the end`
      : `operation ${operation.id} starts at ${operation.start}: rule ${ALERT_WHILE_RUNNING_RULE} refuses its alerts before the start`,
    ALERT_WHILE_RUNNING_RULE,
  );
}

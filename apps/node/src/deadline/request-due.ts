import { DomainError, type EnvelopeMeta, type MessageKind } from '@bureaunet/contracts';
import type { RequestDeadlines } from '../node.config';
import { TRACKED_REQUEST_KINDS, type TrackedRequestKind } from './tracked-request.entity';

export type RequestPriority = NonNullable<EnvelopeMeta['priority']>;

export function isTrackedRequestKind(kind: MessageKind): kind is TrackedRequestKind {
  return (TRACKED_REQUEST_KINDS as readonly string[]).includes(kind);
}

/** The longest time a request of this priority may be given (no priority: routine). */
export function requestDueBound(priority: RequestPriority | undefined, deadlines: RequestDeadlines): number {
  switch (priority ?? 'routine') {
    case 'immediate':
      return deadlines.immediateMs;
    case 'urgent':
      return deadlines.urgentMs;
    case 'routine':
      return deadlines.routineMs;
  }
}

/**
 * The meta a query or request leaves with: meta.dueAt set from its priority, or the sender's own
 * earlier dueAt kept. A dueAt past the priority's bound, or not after now, is refused. Other kinds
 * may not carry a dueAt at all (it would mean nothing to the recipient).
 */
export function withRequestDue(
  kind: MessageKind,
  meta: EnvelopeMeta,
  now: Date,
  deadlines: RequestDeadlines,
): EnvelopeMeta {
  if (!isTrackedRequestKind(kind)) {
    if (meta.dueAt !== undefined)
      throw new DomainError('due-at-not-allowed', `meta.dueAt is for kinds query and request, not ${kind}`);
    return meta;
  }
  const bound = requestDueBound(meta.priority, deadlines);
  const latest = new Date(now.getTime() + bound);
  if (meta.dueAt === undefined) return { ...meta, dueAt: latest.toISOString() };
  const given = Date.parse(meta.dueAt);
  if (given <= now.getTime())
    throw new DomainError('due-at-past', `meta.dueAt ${meta.dueAt} is not after now (${now.toISOString()})`);
  if (given > latest.getTime())
    throw new DomainError(
      'due-at-beyond-bound',
      `meta.dueAt ${meta.dueAt} is later than a ${meta.priority ?? 'routine'} request allows (${latest.toISOString()}, ${bound / 3_600_000} hours)`,
    );
  return meta;
}

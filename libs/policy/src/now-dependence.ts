import type { ActionConstraint, EntityUidJson } from '@cedar-policy/cedar-wasm/nodejs';
import { MESSAGE_KINDS, type MessageKind } from '@bureaunet/contracts';
import { CONTENT_ACTION_GROUP } from './bureaunet.schema';
import type { PolicyFacts } from './policy-set.parser';

const CONTENT_KINDS: readonly MessageKind[] = MESSAGE_KINDS.filter((kind) => kind !== 'receipt');

/**
 * The kinds whose decisions can change with the time alone: some policy that may apply to them
 * reads `context.now` (or the whole context). Decisions for every other kind are a function of
 * the two bureaus and the rest of the context, so they can be cached for a policy version.
 * Errs on the side of "depends": an unknown action or a bare `context` counts.
 */
export function timeDependentKinds(policies: Iterable<PolicyFacts>): Set<MessageKind> {
  const kinds = new Set<MessageKind>();
  for (const policy of policies) {
    if (!policy.json.conditions.some((condition) => readsNow(condition.body))) continue;
    actionKinds(policy.json.action).forEach((kind) => kinds.add(kind));
  }
  return kinds;
}

function actionKinds(constraint: ActionConstraint): readonly MessageKind[] {
  if (constraint.op === 'All' || !('entity' in constraint || 'entities' in constraint)) return MESSAGE_KINDS;
  const uids = 'entities' in constraint ? constraint.entities : [constraint.entity];
  return uids.flatMap(kindsOfAction);
}

function kindsOfAction(uid: EntityUidJson): readonly MessageKind[] {
  const id = '__entity' in uid ? uid.__entity.id : uid.id;
  if (id === CONTENT_ACTION_GROUP) return CONTENT_KINDS;
  const kind = MESSAGE_KINDS.find((candidate) => candidate === id);
  return kind ? [kind] : MESSAGE_KINDS;
}

/** Walks a policy condition in Cedar's JSON form. */
export function readsNow(expression: unknown): boolean {
  if (Array.isArray(expression)) return expression.some(readsNow);
  if (expression === null || typeof expression !== 'object') return false;
  const node = expression as Record<string, unknown>;
  if (node['Var'] === 'context') return true; // the context as a whole: assume it matters
  for (const operator of ['.', 'has'] as const) {
    const access = node[operator] as { left?: unknown; attr?: unknown } | undefined;
    if (access && isContext(access.left)) return firstAttribute(access.attr) === 'now';
  }
  return Object.values(node).some(readsNow);
}

function isContext(expression: unknown): boolean {
  return (
    typeof expression === 'object' &&
    expression !== null &&
    (expression as Record<string, unknown>)['Var'] === 'context'
  );
}

function firstAttribute(attr: unknown): unknown {
  return Array.isArray(attr) ? attr[0] : attr;
}

import type { CedarValueJson, EntityJson } from '@cedar-policy/cedar-wasm/nodejs';
import type { BureauRole, BureauStatus, CountryGroup, Declaration, MessageKind, Operation } from '@bureaunet/contracts';
import { ACTION_TYPE, BUREAU_TYPE, CONTENT_ACTION_GROUP, GROUP_TYPE, OPERATION_TYPE } from './bureaunet.schema';

/** What the directory says of a bureau at the moment of the decision. */
export interface BureauFacts {
  code: string;
  role: BureauRole;
  status: BureauStatus;
}

export type EntityReference = { __entity: { type: string; id: string } };

export const bureauUid = (code: string) => ({ type: BUREAU_TYPE, id: code });
export const bureauReference = (code: string): EntityReference => ({ __entity: bureauUid(code) });
export const operationUid = (id: string) => ({ type: OPERATION_TYPE, id });
export const groupUid = (id: string) => ({ type: GROUP_TYPE, id });

/** Cedar's datetime extension wants milliseconds written out; any ISO instant is normalised. */
export function datetimeValue(instant: string | Date): CedarValueJson {
  return { __extn: { fn: 'datetime', arg: new Date(instant).toISOString() } };
}

/** Each bureau's own bilateral declarations, as the attributes of its entity. */
export interface DeclaredSets {
  refusesDiffusionsFrom: EntityReference[];
  doesNotSendTo: EntityReference[];
}

export function indexDeclarations(declarations: readonly Declaration[]): Map<string, DeclaredSets> {
  const index = new Map<string, DeclaredSets>();
  for (const declaration of declarations) {
    const sets = index.get(declaration.declarer) ?? { refusesDiffusionsFrom: [], doesNotSendTo: [] };
    const reference = bureauReference(declaration.counterpart);
    if (declaration.type === 'refuses-diffusions-from') sets.refusesDiffusionsFrom.push(reference);
    else sets.doesNotSendTo.push(reference);
    index.set(declaration.declarer, sets);
  }
  return index;
}

const NO_DECLARATIONS: DeclaredSets = { refusesDiffusionsFrom: [], doesNotSendTo: [] };

export function bureauEntity(
  facts: BureauFacts,
  declared: DeclaredSets = NO_DECLARATIONS,
  groups: readonly string[] = [],
): EntityJson {
  return {
    uid: bureauUid(facts.code),
    attrs: {
      role: facts.role,
      status: facts.status,
      refusesDiffusionsFrom: declared.refusesDiffusionsFrom,
      doesNotSendTo: declared.doesNotSendTo,
    },
    parents: groups.map(groupUid),
  };
}

export function groupEntity(group: CountryGroup): EntityJson {
  return { uid: groupUid(group.id), attrs: { name: group.name, kind: group.kind }, parents: [] };
}

/** The ids of the groups each bureau is a member of (its entity's parents), sorted. */
export function indexMemberships(groups: readonly CountryGroup[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const group of groups)
    for (const member of new Set(group.members)) index.set(member, [...(index.get(member) ?? []), group.id]);
  for (const ids of index.values()) ids.sort();
  return index;
}

export function operationEntity(operation: Operation): EntityJson {
  return {
    uid: operationUid(operation.id),
    attrs: {
      coordinator: bureauReference(operation.coordinator),
      participants: operation.participants.map(bureauReference),
      start: datetimeValue(operation.start),
      end: datetimeValue(operation.end),
    },
    parents: [],
  };
}

const ACTIONS = new Map<MessageKind, EntityJson>();

/**
 * The action of a request with its group, as the schema declares it: every kind but a receipt is
 * in "content". Passed with the request when the schema is not, so `action in` still holds.
 */
export function actionEntity(kind: MessageKind): EntityJson {
  let entity = ACTIONS.get(kind);
  if (!entity) {
    entity = {
      uid: { type: ACTION_TYPE, id: kind },
      attrs: {},
      parents: kind === 'receipt' ? [] : [{ type: ACTION_TYPE, id: CONTENT_ACTION_GROUP }],
    };
    ACTIONS.set(kind, entity);
  }
  return entity;
}

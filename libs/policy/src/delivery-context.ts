import type { CedarValueJson, Context, EntityJson } from '@cedar-policy/cedar-wasm/nodejs';
import { handlingLevel, type EnvelopeMeta, type MessageKind } from '@bureaunet/contracts';
import { NO_LINEAGE, effectiveRestrictions, type EnvelopeLineage } from './envelope-lineage';
import { NO_HANDLING } from './handling-lineage';
import { bureauReference, datetimeValue, operationUid, type BureauFacts } from './policy-entities';

/** One envelope as the rules see it; each of its recipients is decided against it. */
export interface EnvelopeFacts {
  sender: BureauFacts;
  kind: MessageKind;
  meta: EnvelopeMeta;
  now: Date;
  lineage?: EnvelopeLineage;
  /** The resolved recipients include the hub (a diffusion must). Absent counts as false. */
  recipientsIncludeHub?: boolean;
}

/** The Cedar context shared by every recipient of one envelope, but for the time. */
export interface DeliveryContext {
  timeless: Context;
  /** The operation meta.operationId names, when the rules know it: its entity joins the request. */
  operation?: EntityJson;
  /** Everything in the context but `now`, as text: with the two bureaus, the decision-cache key. */
  timelessKey: string;
}

export function deliveryContext(envelope: EnvelopeFacts, operations: ReadonlyMap<string, EntityJson>): DeliveryContext {
  const lineage = envelope.lineage ?? NO_LINEAGE;
  const { meta } = envelope;
  const operation = meta.operationId === undefined ? undefined : operations.get(meta.operationId);
  const timeless: Record<string, CedarValueJson> = {
    restrictedTo: effectiveRestrictions(meta, lineage).map(bureauReference),
    unresolvedReference: lineage.unresolved.length > 0,
    handling: handlingRecord(envelope, lineage),
    recipientsIncludeHub: envelope.recipientsIncludeHub ?? false,
  };
  if (lineage.consentAbout) {
    timeless['consentAbout'] = {
      owner: bureauReference(lineage.consentAbout.owner),
      deliveredTo: lineage.consentAbout.deliveredTo.map(bureauReference),
    };
  }
  if (meta.priority !== undefined) timeless['priority'] = meta.priority;
  if (meta.noticeType !== undefined) timeless['noticeType'] = meta.noticeType;
  if (meta.recordOwner !== undefined) timeless['recordOwner'] = bureauReference(meta.recordOwner);
  if (operation) timeless['operation'] = { __entity: operationUid(meta.operationId!) };
  if (lineage.answers) {
    timeless['answers'] = {
      from: bureauReference(lineage.answers.from),
      kind: lineage.answers.kind,
      deliveredTo: lineage.answers.deliveredTo.map(bureauReference),
    };
  }
  return { timeless, operation, timelessKey: JSON.stringify(timeless) };
}

/**
 * The handling record. What depends on the time (the H3 expiry passed, the grants still live) is
 * worked out here, at the envelope's `now`, so it is part of the timeless key and a remembered
 * decision never outlives it.
 */
function handlingRecord(envelope: EnvelopeFacts, lineage: EnvelopeLineage): Record<string, CedarValueJson> {
  const inherited = lineage.handling ?? NO_HANDLING;
  const record: Record<string, CedarValueJson> = {
    declared: handlingLevel(envelope.meta.handling?.code),
    inherited: inherited.level,
  };
  if (inherited.level < 3 || inherited.owner === undefined) return record;
  const now = envelope.now.getTime();
  record['owner'] = bureauReference(inherited.owner);
  if (inherited.allowTo) record['allowTo'] = inherited.allowTo.map(bureauReference);
  if (inherited.expiresAt) {
    record['expiresAt'] = datetimeValue(inherited.expiresAt);
    record['expired'] = Date.parse(inherited.expiresAt) <= now;
  }
  const consented = (lineage.grants ?? [])
    .filter((grant) => Date.parse(grant.expiresAt) > now)
    .flatMap((grant) => grant.bureaus);
  record['consentedTo'] = [...new Set(consented)].sort().map(bureauReference);
  return record;
}

/** The full context of one request: added only when Cedar is asked, not for a remembered decision. */
export function withTime(delivery: DeliveryContext, now: Date): Context {
  return { ...delivery.timeless, now: datetimeValue(now) };
}

export function bureauKey(facts: BureauFacts): string {
  return `${facts.code}:${facts.role}:${facts.status}`;
}

import type { EnvelopeMeta, MessageKind } from '@bureaunet/contracts';
import { NO_HANDLING, type EffectiveHandling } from './handling-lineage';

/**
 * What the gateway knows of the envelopes this one refers to (meta.replyTo, forwardOf,
 * receiptFor), read from the table where it keeps every accepted envelope.
 */
export interface EnvelopeLineage {
  /** Effective restrictions of the envelopes replied to or forwarded (theirs and their own ancestors'). */
  inheritedRestrictions: readonly string[];
  /** The envelope answered (receiptFor, else replyTo), when the gateway accepted it. */
  answers?: AnsweredEnvelope;
  /** Referenced ids the gateway never accepted. */
  unresolved: readonly string[];
  /** The handling of what it replies to or forwards (joined); absent: H0. */
  handling?: EffectiveHandling;
  /** Onward-sharing grants the owner made to this sender for that content: live until expiresAt. */
  grants?: readonly ConsentGrantFacts[];
  /** consent-request and consent-decision: the content meta.consent.envelopeId names, when the gateway accepted it. */
  consentAbout?: ConsentSubject;
}

export interface ConsentGrantFacts {
  bureaus: readonly string[];
  expiresAt: string;
}

/** Whom consent about an envelope is asked of (its handling's owner, else its sender) and who may ask. */
export interface ConsentSubject {
  owner: string;
  deliveredTo: readonly string[];
}

export interface AnsweredEnvelope {
  from: string;
  kind: MessageKind;
  deliveredTo: readonly string[];
}

export const NO_LINEAGE: EnvelopeLineage = { inheritedRestrictions: [], unresolved: [], handling: NO_HANDLING };

/**
 * The data owner's restrictions that hold for an envelope: its own plus everything it inherits,
 * sorted and without repeats. The gateway stores this for every accepted envelope, so a reply to
 * a reply still carries the first owner's restrictions.
 */
export function effectiveRestrictions(
  meta: Pick<EnvelopeMeta, 'restrictedTo'>,
  lineage: EnvelopeLineage = NO_LINEAGE,
): string[] {
  return [...new Set([...(meta.restrictedTo ?? []), ...lineage.inheritedRestrictions])].sort();
}

/** The ids an envelope refers to and inherits restrictions from. */
export function inheritingReferences(meta: Pick<EnvelopeMeta, 'replyTo' | 'forwardOf'>): string[] {
  return [...new Set([meta.replyTo, meta.forwardOf].filter((id): id is string => id !== undefined))];
}

import type { EnvelopePayload, Refusal } from '@bureaunet/contracts';
import type { LedgerEvent } from '../ledger/ledger.recorder';
import type { Decision } from './submission.decider';

type Accepted = Extract<Decision, { status: 'accepted' }>;

/**
 * What the ledger records for an accepted envelope: the submission with the rules version that
 * decided it and the restrictions it carries on, the receipt it is (if so, and delivered), and each recipient's
 * outcome with the policies that decided it.
 */
export function acceptedEvents(payload: EnvelopePayload, digest: string, decision: Accepted, at: Date): LedgerEvent[] {
  const { policyVersion } = decision;
  const events: LedgerEvent[] = [
    {
      type: 'submission-accepted',
      envelopeId: payload.id,
      at,
      data: {
        from: payload.from,
        kind: payload.kind,
        to: payload.to,
        digest,
        meta: payload.meta,
        policyVersion,
        restrictedTo: decision.restrictedTo,
      },
    },
  ];
  // Only a receipt that reaches the sender is one: refused, it is a submission and nothing more.
  if (
    payload.kind === 'receipt' &&
    payload.meta.receiptFor &&
    decision.recipients.some((outcome) => outcome.status === 'delivered')
  ) {
    events.push({
      type: 'receipt',
      envelopeId: payload.meta.receiptFor.id,
      at,
      data: { receiptId: payload.id, from: payload.from, digest: payload.meta.receiptFor.digest },
    });
  }
  for (const outcome of decision.recipients) {
    const policies = decision.policies.get(outcome.code);
    events.push(
      outcome.status === 'delivered'
        ? {
            type: 'delivery',
            envelopeId: payload.id,
            at,
            data: { to: outcome.code, policyVersion, policies: policies ?? [] },
          }
        : {
            type: 'recipient-refused',
            envelopeId: payload.id,
            at,
            data: {
              to: outcome.code,
              policyVersion,
              ...refusalFields(outcome.refusal),
              ...(policies ? { policies } : {}),
            },
          },
    );
  }
  return events;
}

/** A refusal as the ledger keeps it: code, reason, and the rule and retry-after when there are. */
export function refusalFields(refusal: Refusal): Record<string, unknown> {
  return {
    code: refusal.code,
    reason: refusal.message,
    ...(refusal.rule === undefined ? {} : { rule: refusal.rule }),
    ...(refusal.retryAfterMs === undefined ? {} : { retryAfterMs: refusal.retryAfterMs }),
  };
}

/** A consent-decision delivered to the asker: what the owner granted or refused, for which lineage. */
export function consentEvent(
  payload: EnvelopePayload,
  consent: { originId: string; grantee: string },
  at: Date,
): LedgerEvent {
  const answer = payload.meta.consent!;
  return {
    type: answer.decision === 'granted' ? 'consent-granted' : 'consent-refused',
    envelopeId: payload.id,
    at,
    data: {
      owner: payload.from,
      grantee: consent.grantee,
      originId: consent.originId,
      aboutEnvelopeId: answer.envelopeId,
      purpose: answer.purpose,
      ...(answer.bureaus ? { bureaus: answer.bureaus } : {}),
      ...(answer.expiresAt ? { expiresAt: answer.expiresAt } : {}),
    },
  };
}

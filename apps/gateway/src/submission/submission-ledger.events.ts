import type { EnvelopePayload, Refusal } from '@bureaunet/contracts';
import type { LedgerEvent } from '../ledger/ledger.recorder';
import type { Decision, PolicyInput } from './submission.decider';

type Accepted = Extract<Decision, { status: 'accepted' }>;

/**
 * What the ledger records for an accepted envelope: the submission with the rules version that
 * decided it and the restrictions it carries on, the receipt it is (if so, and delivered), and each recipient's
 * outcome with the policies that decided it.
 */
export function acceptedEvents(payload: EnvelopePayload, digest: string, decision: Accepted, at: Date): LedgerEvent[] {
  const { policyVersion, policySha256 } = decision;
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
        policySha256,
        restrictedTo: decision.restrictedTo,
        policyInput: recordedPolicyInput(decision.policyInput),
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
    const recipient = decision.recipientFacts.get(outcome.code);
    // What the rules saw of the recipient, when they decided it: a replay asks them again with it.
    const asked = recipient ? { recipient: { role: recipient.role, status: recipient.status } } : {};
    events.push(
      outcome.status === 'delivered'
        ? {
            type: 'delivery',
            envelopeId: payload.id,
            at,
            data: { to: outcome.code, policyVersion, policySha256, policies: policies ?? [], ...asked },
          }
        : {
            type: 'recipient-refused',
            envelopeId: payload.id,
            at,
            data: {
              to: outcome.code,
              policyVersion,
              policySha256,
              ...refusalFields(outcome.refusal),
              ...(policies ? { policies, ...asked } : {}),
            },
          },
    );
  }
  return events;
}

/**
 * The rules' inputs as the ledger keeps them: the lineage's own members only (not the reader's
 * bookkeeping), and through JSON, so that absent members are absent (canonical JSON refuses undefined).
 */
export function recordedPolicyInput(input: PolicyInput): Record<string, unknown> {
  const lineage = input.lineage;
  return JSON.parse(
    JSON.stringify({
      sender: input.sender,
      recipientsIncludeHub: input.recipientsIncludeHub ?? false,
      ...(lineage
        ? {
            lineage: {
              inheritedRestrictions: lineage.inheritedRestrictions,
              unresolved: lineage.unresolved,
              answers: lineage.answers,
              handling: lineage.handling,
              grants: lineage.grants,
              consentAbout: lineage.consentAbout,
            },
          }
        : {}),
    }),
  ) as Record<string, unknown>;
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

import type { RecipientOutcome, Refusal } from '@bureaunet/contracts';

/**
 * The one log line per submission decision, as structured fields: who sent which envelope of which
 * kind, to whom it was delivered, and who refused it and why. Never the content.
 */
export interface SubmissionDecisionLine {
  msg: string;
  event: 'submission-decision';
  decision: 'accepted' | 'refused';
  envelopeId: string;
  sender: string;
  kind?: string;
  deliveredTo?: string[];
  /** Recipients the rules refused, each with the refusal code (and rule) that decided. */
  refusedFor?: Array<{ code: string; refusal: string; rule?: string }>;
  /** The whole envelope refused: the code and its reason. */
  refusal?: { code: string; reason: string; rule?: string };
  policyVersion?: number;
}

export interface DecidedEnvelope {
  envelopeId: string;
  sender: string;
  kind?: string;
}

export function acceptedDecisionLine(
  envelope: DecidedEnvelope,
  recipients: readonly RecipientOutcome[],
  policyVersion?: number,
): SubmissionDecisionLine {
  const deliveredTo = recipients.filter((outcome) => outcome.status === 'delivered').map((outcome) => outcome.code);
  const refusedFor = recipients.flatMap((outcome) =>
    outcome.status === 'refused'
      ? [{ code: outcome.code, refusal: outcome.refusal.code, rule: outcome.refusal.rule }]
      : [],
  );
  const refusedText = refusedFor.map((refused) => `${refused.code} (${refused.refusal})`).join(', ');
  return {
    msg: `accepted ${envelope.envelopeId} from ${envelope.sender}: delivered to ${deliveredTo.join(', ') || 'nobody'}${refusedText ? `; refused for ${refusedText}` : ''}`,
    event: 'submission-decision',
    decision: 'accepted',
    ...envelope,
    deliveredTo,
    refusedFor,
    ...(policyVersion === undefined ? {} : { policyVersion }),
  };
}

export function refusedDecisionLine(
  envelope: DecidedEnvelope,
  refusal: Refusal,
  policyVersion?: number,
): SubmissionDecisionLine {
  return {
    msg: `refused ${envelope.envelopeId} from ${envelope.sender}: ${refusal.code}`,
    event: 'submission-decision',
    decision: 'refused',
    ...envelope,
    refusal: { code: refusal.code, reason: refusal.message, ...(refusal.rule ? { rule: refusal.rule } : {}) },
    ...(policyVersion === undefined ? {} : { policyVersion }),
  };
}

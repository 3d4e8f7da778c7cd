import type { DirectoryEntry, RecipientOutcome } from '@bureaunet/contracts';
import type { BureauFacts, EnvelopeFacts, PreparedRules } from '@bureaunet/policy';

export interface PolicyOutcome {
  recipients: RecipientOutcome[];
  /** The deciding policies of each recipient the rules decided (those the protocol checks let through). */
  policies: Map<string, string[]>;
  /** Each recipient the rules decided, as they saw it (what a replay needs). */
  facts: Map<string, BureauFacts>;
}

/**
 * Puts each recipient the protocol checks let through before the access rules; a recipient the
 * rules refuse is refused alone, with the code, reason and id of the deciding policy.
 */
export function applyRecipientPolicy(
  outcomes: readonly RecipientOutcome[],
  entries: ReadonlyMap<string, DirectoryEntry>,
  envelope: EnvelopeFacts,
  rules: PreparedRules,
): PolicyOutcome {
  const deliverable = outcomes
    .filter((outcome) => outcome.status === 'delivered')
    .map((outcome) => entries.get(outcome.code)!);
  const asked = deliverable.map((entry): BureauFacts => ({ code: entry.code, role: entry.role, status: entry.status }));
  const decisions = rules.decideEach(envelope, asked);
  const facts = new Map(asked.map((recipient) => [recipient.code, recipient]));
  const byCode = new Map(deliverable.map((entry, index) => [entry.code, decisions[index]]));
  const policies = new Map([...byCode].map(([code, decision]) => [code, decision.policies]));
  const recipients = outcomes.map((outcome): RecipientOutcome => {
    const refusal = byCode.get(outcome.code)?.refusal;
    return refusal ? { code: outcome.code, status: 'refused', refusal } : outcome;
  });
  return { recipients, policies, facts };
}

import type { CountryGroup, Declaration, MessageKind, Operation, RateLimits } from '@bureaunet/contracts';
import {
  PolicyEngine,
  policyTextSha256,
  type BureauFacts,
  type EnvelopeLineage,
  type PolicyDecision,
} from '@bureaunet/policy';
import { VerificationFailure } from './audit.errors';

/** The rules a replay decides with: the version's policy text (checked by digest) and the rules' data. */
export interface ReplayRules {
  text: string;
  limits: RateLimits;
  declarations: readonly Declaration[];
  operations: readonly Operation[];
  groups: readonly CountryGroup[];
}

export interface ReplayOutcome {
  allowed: boolean;
  /** The deciding rule of a refusal. */
  rule?: string;
  policies: string[];
}

export interface DecisionReplay {
  to: string;
  policyVersion: number;
  policySha256: string;
  recorded: ReplayOutcome;
  replayed: ReplayOutcome;
  same: boolean;
}

type Entry = Record<string, unknown>;

const DECISION_TYPES = new Set(['delivery', 'recipient-refused']);

/**
 * Asks the rules again, for each recipient they decided in these (verified) entries of one message,
 * with the inputs the gateway recorded: sender and recipient as the rules saw them, kind, meta, the
 * lineage, and the entry's time. The rule text is the one of the recorded version, and must hash to
 * the recorded policySha256 (else VerificationFailure). Recipients refused before the rules (unknown,
 * not enrolled, not encrypted for) carry no policies and are not replayed.
 */
export async function replayDecisions(
  messageId: string,
  trail: readonly Entry[],
  rulesAt: (version: number) => Promise<ReplayRules>,
  only?: string,
): Promise<DecisionReplay[]> {
  // A trail also holds the entries of the receipts that name the message: those are other envelopes.
  const entries = trail.filter((entry) => entry.envelopeId === messageId);
  const accepted = entries.find((entry) => entry.type === 'submission-accepted');
  const decisions = entries.filter(
    (entry) => DECISION_TYPES.has(String(entry.type)) && Array.isArray(entry.policies) && (!only || entry.to === only),
  );
  if (!accepted || decisions.length === 0)
    throw new VerificationFailure(
      `no decision of the rules to replay${only ? ` for ${only}` : ''} among the ${entries.length} entries of ${messageId}`,
    );
  const input = accepted.policyInput as
    { sender: BureauFacts; lineage?: EnvelopeLineage; recipientsIncludeHub?: boolean } | undefined;
  if (!input)
    throw new VerificationFailure(
      'the acceptance entry records no policyInput: it was written before decisions were recorded for replay',
    );
  const replays: DecisionReplay[] = [];
  for (const entry of decisions) replays.push(await replayOne(entry, accepted, input, rulesAt));
  return replays;
}

async function replayOne(
  entry: Entry,
  accepted: Entry,
  input: { sender: BureauFacts; lineage?: EnvelopeLineage; recipientsIncludeHub?: boolean },
  rulesAt: (version: number) => Promise<ReplayRules>,
): Promise<DecisionReplay> {
  const to = String(entry.to);
  const policyVersion = Number(entry.policyVersion);
  const policySha256 = typeof entry.policySha256 === 'string' ? entry.policySha256 : '';
  const recipient = entry.recipient as Pick<BureauFacts, 'role' | 'status'> | undefined;
  if (!recipient) throw new VerificationFailure(`the decision about ${to} records no recipient facts to replay with`);
  const rules = await rulesAt(policyVersion);
  const digest = policyTextSha256(rules.text);
  if (digest !== policySha256)
    throw new VerificationFailure(
      `the rule text of version ${policyVersion} hashes to ${digest}, the decision about ${to} names ${policySha256 || 'none'}`,
    );
  const prepared = new PolicyEngine({ cachedDecisions: 0 }).candidate({
    version: policyVersion,
    policies: rules.text,
    ...rules,
  });
  const decision = prepared.decide(
    {
      sender: input.sender,
      kind: accepted.kind as MessageKind,
      meta: accepted.meta ?? {},
      now: new Date(String(entry.at)),
      ...(input.lineage ? { lineage: input.lineage } : {}),
      recipientsIncludeHub: input.recipientsIncludeHub ?? false,
    },
    { code: to, role: recipient.role, status: recipient.status },
  );
  const recorded = recordedOutcome(entry);
  const replayed = replayedOutcome(decision);
  return { to, policyVersion, policySha256, recorded, replayed, same: sameOutcome(recorded, replayed) };
}

function recordedOutcome(entry: Entry): ReplayOutcome {
  const policies = [...(entry.policies as string[])].sort();
  if (entry.type === 'delivery') return { allowed: true, policies };
  return { allowed: false, ...(typeof entry.rule === 'string' ? { rule: entry.rule } : {}), policies };
}

function replayedOutcome(decision: PolicyDecision): ReplayOutcome {
  const policies = [...decision.policies].sort();
  if (decision.allowed) return { allowed: true, policies };
  return { allowed: false, ...(decision.refusal ? { rule: decision.refusal.rule } : {}), policies };
}

function sameOutcome(a: ReplayOutcome, b: ReplayOutcome): boolean {
  return a.allowed === b.allowed && a.rule === b.rule && a.policies.join('\n') === b.policies.join('\n');
}

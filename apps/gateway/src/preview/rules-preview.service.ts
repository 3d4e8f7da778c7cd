import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  HUB_CODE,
  type RecipientOutcome,
  type RulesPreviewAnswer,
  type RulesPreviewRequest,
} from '@bureaunet/contracts';
import { DirectoryClient } from '@bureaunet/directory';
import { CLOCK, type Clock } from '@bureaunet/platform';
import type { EnvelopeFacts } from '@bureaunet/policy';
import { applyRecipientPolicy } from '../policy/recipient-policy';
import { RulesCache } from '../policy/rules.cache';
import { LineageReader } from '../submission/lineage.reader';
import { expandRecipientScopes } from '../submission/recipient-scope.expander';
import { broadcastCodes, resolveRecipients } from '../submission/recipient.resolver';
import { SubmissionDecider } from '../submission/submission.decider';

/**
 * What the gateway would decide for each recipient of a message a bureau is about to send: the
 * same protocol checks (known, enrolled), the same lineage (the data owner's restrictions of what
 * it replies to or forwards) and the same rules in force as SubmissionDecider, without the parts
 * only a real envelope has (signature, content, time window) and without spending any rate allowance.
 */
@Injectable()
export class RulesPreviewService {
  constructor(
    private readonly directory: DirectoryClient,
    private readonly rules: RulesCache,
    private readonly lineage: LineageReader,
    private readonly decider: SubmissionDecider,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async preview(from: string, request: RulesPreviewRequest): Promise<RulesPreviewAnswer> {
    const rules = await this.rules.current();
    const sender = await this.directory.entry(from);
    if (!sender || sender.role === 'gateway')
      throw new DomainError('unknown-sender', `${from} is not a bureau in the directory`, 'invalid');
    const expanded =
      request.to === 'all'
        ? { codes: broadcastCodes(await this.directory.all(), from) }
        : expandRecipientScopes(request.to, from, rules);
    if ('refusal' in expanded) throw new DomainError('invalid-request', expanded.refusal.message, 'invalid');
    const { codes } = expanded;
    const candidates = await Promise.all(codes.map((code) => this.decider.candidate(code)));
    const outcomes = resolveRecipients({ payload: { from, to: request.to }, candidates });
    const envelope: EnvelopeFacts = {
      sender: { code: sender.code, role: sender.role, status: sender.status },
      kind: request.kind,
      meta: request.meta,
      now: this.clock.now(),
      lineage: await this.lineage.read({ meta: request.meta, from }),
      recipientsIncludeHub: codes.includes(HUB_CODE),
    };
    const entries = new Map(
      candidates.filter((candidate) => candidate.entry).map((candidate) => [candidate.code, candidate.entry!]),
    );
    const decided = applyRecipientPolicy(outcomes, entries, envelope, rules);
    return { version: rules.version, recipients: decided.recipients.map(previewOf) };
  }
}

function previewOf(outcome: RecipientOutcome): RulesPreviewAnswer['recipients'][number] {
  if (outcome.status === 'delivered') return { recipient: outcome.code, allowed: true };
  const { refusal } = outcome;
  return {
    recipient: outcome.code,
    allowed: false,
    code: refusal.code,
    ...(refusal.rule ? { rule: refusal.rule } : {}),
    reason: refusal.message,
  };
}

import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { DomainError, envelopeMetaSchema, type DirectoryEntry, type MessageKind } from '@bureaunet/contracts';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { PolicyEngine, type BureauFacts, type PolicyDecision } from '@bureaunet/policy';
import { DirectoryService } from '../directory/directory.service';
import { parseWireBody } from '../wire-body';
import { RulesService } from './rules.service';

export interface RulesCheckRequest {
  sender: string;
  recipient: string;
  kind: MessageKind;
  meta?: unknown;
  /** A candidate policy set to try instead of the one in force (not stored). */
  policies?: string;
}

export interface RulesCheckResult {
  decision: 'allow' | 'deny';
  policies: string[];
  refusal?: PolicyDecision['refusal'];
  /** The rules version the answer comes from (the candidate is tried against its declarations, operations and limits). */
  version: number;
  candidate: boolean;
}

/**
 * Answers what the gateway would decide for one (sender, recipient, kind, meta) now, with the
 * directory's statuses, under the rules in force or a candidate set. The gateway also knows what
 * an envelope refers to (replyTo, forwardOf, receiptFor); here only the envelope's own meta counts.
 */
@Injectable()
export class RulesCheckService {
  private readonly engine = new PolicyEngine({ cachedDecisions: 0, keptVersions: 2 });

  constructor(
    private readonly rules: RulesService,
    private readonly directory: DirectoryService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async check(request: RulesCheckRequest): Promise<RulesCheckResult> {
    const { meta } = parseWireBody(z.object({ meta: envelopeMetaSchema }), { meta: request.meta ?? {} });
    if (request.sender === request.recipient)
      throw new DomainError('invalid-request', 'sender and recipient must differ', 'invalid');
    const sender = facts(await this.directory.get(request.sender));
    const recipient = facts(await this.directory.get(request.recipient));
    const bundle = await this.rules.bundle();
    const prepared =
      request.policies === undefined
        ? this.engine.load(bundle)
        : this.engine.candidate({ ...bundle, policies: request.policies });
    // One pair, sent as a node sends it: a diffusion with the hub among its recipients.
    const envelope = { sender, kind: request.kind, meta, now: this.clock.now(), recipientsIncludeHub: true };
    const decision = prepared.decide(envelope, recipient);
    return {
      decision: decision.allowed ? 'allow' : 'deny',
      policies: decision.policies,
      ...(decision.refusal ? { refusal: decision.refusal } : {}),
      version: bundle.version,
      candidate: request.policies !== undefined,
    };
  }
}

function facts(entry: DirectoryEntry): BureauFacts {
  if (entry.role === 'gateway')
    throw new DomainError(
      'invalid-request',
      `${entry.code} is the gateway: it neither sends nor receives messages`,
      'invalid',
    );
  return { code: entry.code, role: entry.role, status: entry.status };
}

import { Inject, Injectable } from '@nestjs/common';
import { DirectoryEntry, HUB_CODE, RecipientOutcome, Refusal } from '@bureaunet/contracts';
import { CryptoError, ParsedEnvelope, jweRecipientKids, verifyEnvelopeSignature } from '@bureaunet/crypto';
import { DirectoryClient } from '@bureaunet/directory';
import { CLOCK, Clock } from '@bureaunet/platform';
import {
  declaredHandling,
  effectiveRestrictions,
  joinHandling,
  type BureauFacts,
  type EffectiveHandling,
  type EnvelopeFacts,
  type PreparedRules,
} from '@bureaunet/policy';
import { GATEWAY_CONFIG, GatewayConfig } from '../gateway.config';
import { applyRecipientPolicy } from '../policy/recipient-policy';
import { RulesCache } from '../policy/rules.cache';
import { SubmissionRateLimiter } from '../policy/submission-rate.limiter';
import { checkContentBinding } from './content-binding.check';
import { LineageReader } from './lineage.reader';
import { expandRecipientScopes } from './recipient-scope.expander';
import { ReceiptGate } from './receipt.gate';
import { RecipientCandidate, broadcastCodes, resolveRecipients } from './recipient.resolver';
import { checkTimeWindow } from './time-window.check';

export type Decision =
  | {
      status: 'accepted';
      recipients: RecipientOutcome[];
      /** The rules version that decided. */
      policyVersion: number;
      /** Lowercase hex SHA-256 of that version's policy text. */
      policySha256: string;
      /** Deciding policy ids per recipient the rules decided. */
      policies: ReadonlyMap<string, string[]>;
      /** What the rules were asked, but the time and the recipient: recorded so a decision can be replayed. */
      policyInput: PolicyInput;
      /** Each recipient the rules decided, as the rules saw it. */
      recipientFacts: ReadonlyMap<string, BureauFacts>;
      /** The data owner's restrictions that hold for this envelope and whatever refers to it later. */
      restrictedTo: string[];
      /** The handling it carries on: its own code joined with the strictest it passes on. */
      handling: EffectiveHandling;
      /** A consent-decision: the handling origin its grant (or refusal) is about, and who asked. */
      consent?: { originId: string; grantee: string };
    }
  | { status: 'refused'; refusal: Refusal; policyVersion: number; policySha256: string }
  /** A second receipt of one recipient for one envelope: answered, with no effect and no ledger entry. */
  | { status: 'duplicate'; refusal: Refusal; policyVersion: number; policySha256: string };

/** The envelope's facts the rules read, but kind, meta and time (the ledger has those already). */
export type PolicyInput = Pick<EnvelopeFacts, 'sender' | 'lineage' | 'recipientsIncludeHub'>;

/**
 * Decides what happens to one parsed envelope: checks the sender end to end (publishing subject,
 * time window, directory, certificate, signature, content binding), its rate limit (a receipt:
 * what it answers), then each recipient, first the
 * protocol (known, enrolled, encrypted for) and then the access rules. Throws only when it cannot
 * decide (directory or rules unavailable or stale), so the submission is retried rather than refused.
 */
@Injectable()
export class SubmissionDecider {
  constructor(
    private readonly directory: DirectoryClient,
    private readonly rules: RulesCache,
    private readonly limiter: SubmissionRateLimiter,
    private readonly lineage: LineageReader,
    private readonly receipts: ReceiptGate,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** `signature`: the signature check, when the caller started it ahead (else it runs here, in order). */
  async decide(parsed: ParsedEnvelope, submitter: string, signature?: Promise<Refusal | undefined>): Promise<Decision> {
    // First, so a submission that cannot be decided is retried before it uses up any allowance.
    const rules = await this.rules.current();
    const policy = { policyVersion: rules.version, policySha256: rules.policySha256 };
    const refused = (refusal: Refusal): Decision => ({ status: 'refused', refusal, ...policy });
    const checked = await this.checkSender(parsed, submitter, signature);
    if ('refusal' in checked) return refused(checked.refusal);
    const { payload } = parsed;
    const expanded =
      payload.to === 'all'
        ? { codes: broadcastCodes(await this.directory.all(), payload.from) }
        : expandRecipientScopes(payload.to, payload.from, rules);
    if ('refusal' in expanded) return refused(expanded.refusal);
    const { codes } = expanded;
    if (payload.kind === 'receipt') {
      const receipt = await this.receipts.admit(payload, rules);
      if (receipt.status !== 'valid') return { ...receipt, ...policy };
    } else {
      const admitted = await this.limiter.admit(payload.from, codes.length, rules);
      if (!admitted.allowed) return refused(admitted.refusal);
    }
    return this.decideRecipients(parsed, checked.sender, codes, rules);
  }

  private async decideRecipients(
    parsed: ParsedEnvelope,
    sender: DirectoryEntry,
    codes: readonly string[],
    rules: PreparedRules,
  ): Promise<Decision> {
    const { payload } = parsed;
    const candidates = await Promise.all(codes.map((code) => this.candidate(code)));
    const outcomes = resolveRecipients({
      payload,
      candidates,
      jweKids: payload.content ? jweRecipientKids(parsed) : undefined,
    });
    const lineage = await this.lineage.read(payload);
    const envelope: EnvelopeFacts = {
      sender: { code: sender.code, role: sender.role, status: sender.status },
      kind: payload.kind,
      meta: payload.meta,
      now: this.clock.now(),
      lineage,
      recipientsIncludeHub: codes.includes(HUB_CODE),
    };
    const entries = new Map(
      candidates.filter((candidate) => candidate.entry).map((candidate) => [candidate.code, candidate.entry!]),
    );
    const decided = applyRecipientPolicy(outcomes, entries, envelope, rules);
    return {
      status: 'accepted',
      recipients: decided.recipients,
      policyVersion: rules.version,
      policySha256: rules.policySha256,
      policies: decided.policies,
      policyInput: { sender: envelope.sender, lineage, recipientsIncludeHub: envelope.recipientsIncludeHub },
      recipientFacts: decided.facts,
      restrictedTo: effectiveRestrictions(payload.meta, lineage),
      handling: joinHandling([
        lineage.handling ?? { level: 0 },
        declaredHandling({ id: payload.id, from: payload.from, handling: payload.meta.handling }),
      ]),
      ...(payload.kind === 'consent-decision' && lineage.consentOrigin && lineage.answers
        ? { consent: { originId: lineage.consentOrigin, grantee: lineage.answers.from } }
        : {}),
    };
  }

  private async checkSender(
    parsed: ParsedEnvelope,
    submitter: string,
    signature?: Promise<Refusal | undefined>,
  ): Promise<{ sender: DirectoryEntry } | { refusal: Refusal }> {
    const { payload } = parsed;
    if (payload.from !== submitter) {
      return {
        refusal: {
          code: 'sender-mismatch',
          message: `published on ${submitter}'s submission subject but from is ${payload.from}`,
        },
      };
    }
    const timeRefusal = checkTimeWindow(payload, this.clock.now(), {
      skewMs: this.config.clockSkewMs,
      maxAgeMs: this.config.maxEnvelopeAgeMs,
    });
    if (timeRefusal) return { refusal: timeRefusal };
    const sender = await this.directory.entry(payload.from);
    if (!sender || sender.role === 'gateway')
      return { refusal: { code: 'unknown-sender', message: `${payload.from} is not a bureau in the directory` } };
    // A suspended sender is the access rules' business: it may still reach the hub.
    const signatureRefusal = await (signature ?? this.checkSignature(parsed));
    if (signatureRefusal) return { refusal: signatureRefusal };
    const bindingRefusal = checkContentBinding(payload);
    if (bindingRefusal) return { refusal: bindingRefusal };
    return { sender };
  }

  /**
   * The signature over the exact bytes received, by the sender's current certificate or one a
   * renewal replaced that is still in its overlap. Also asked of a second copy of a known envelope:
   * the digest covers the signed bytes, not the signature, so a copy with a broken signature has the
   * same digest and must not be passed on.
   */
  async checkSignature(parsed: ParsedEnvelope): Promise<Refusal | undefined> {
    try {
      const key = await this.directory.signingKeyByKid(parsed.payload.from, parsed.header.kid);
      await verifyEnvelopeSignature(parsed, key.key);
      return undefined;
    } catch (error) {
      if (error instanceof CryptoError && error.code !== 'bad-content')
        return { code: error.code, message: error.message };
      throw error;
    }
  }

  /** One addressee as the protocol checks see it (also what a rules preview asks). */
  async candidate(code: string): Promise<RecipientCandidate> {
    const entry: DirectoryEntry | undefined = await this.directory.entry(code);
    if (!entry?.encryptionCertificate) return { code, entry };
    try {
      return { code, entry, encryptionKid: (await this.directory.encryptionKey(code)).kid };
    } catch (error) {
      // A recipient whose certificate no longer checks out is refused alone, not the envelope.
      if (error instanceof CryptoError) return { code, entry };
      throw error;
    }
  }
}

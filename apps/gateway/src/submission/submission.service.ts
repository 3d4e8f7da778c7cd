import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DeliveryReport, Refusal, isBureauCode } from '@bureaunet/contracts';
import { CryptoError, ParsedEnvelope, parseEnvelope, signDeliveryReport } from '@bureaunet/crypto';
import { BUREAU_IDENTITY, BureauIdentity } from '@bureaunet/identity';
import { CLOCK, Clock } from '@bureaunet/platform';
import { SerialWriter } from '@bureaunet/persistence';
import { LedgerEvent, LedgerRecorder } from '../ledger/ledger.recorder';
import { SubmissionFence } from '../lanes/submission.fence';
import { SubmissionRateLimiter } from '../policy/submission-rate.limiter';
import { ConsentGrantRepository } from './consent-grant.repository';
import { DeliveryPublisher, type PublishesInFlight } from './delivery.publisher';
import { EnvelopeLineageRepository } from './envelope-lineage.repository';
import { EnvelopeReceiptRepository } from './envelope-receipt.repository';
import { handlingColumns } from './lineage.reader';
import { ProcessedSubmissionRepository } from './processed-submission.repository';
import { acceptedDecisionLine, refusedDecisionLine } from './submission-decision.line';
import { acceptedEvents, consentEvent, refusalFields } from './submission-ledger.events';
import { SubmissionDecider, type Decision } from './submission.decider';

/** Runs a submission's ordered part after the sender's earlier ones (JetStreamContext.inTurn). */
export type SenderTurn = <T>(work: () => Promise<T>) => Promise<T>;

const AT_ONCE: SenderTurn = (work) => work();

/**
 * One submission, start to finish: parse, decide, commit (ledger, replay record and the lineage
 * later replies inherit from) in one transaction, then publish deliveries and the signed report. The transport acks only after this
 * resolves, so a crash anywhere means redelivery, and a redelivered copy is answered from the
 * record without a second effect.
 *
 * Pipelined per sender: parsing and the signature check (the costliest steps, which read nothing a
 * submission writes) run ahead; from the replay check to the start of the publishes runs in the
 * sender's turn, so a sender's envelopes are decided, committed and published in stream order,
 * while the acks of the publishes are awaited after the turn, beside the next envelope's work.
 */
@Injectable()
export class SubmissionService {
  private readonly logger = new Logger(SubmissionService.name);

  constructor(
    private readonly decider: SubmissionDecider,
    private readonly processed: ProcessedSubmissionRepository,
    private readonly lineage: EnvelopeLineageRepository,
    private readonly receipts: EnvelopeReceiptRepository,
    private readonly grants: ConsentGrantRepository,
    private readonly ledger: LedgerRecorder,
    private readonly writer: SerialWriter,
    private readonly publisher: DeliveryPublisher,
    private readonly fence: SubmissionFence,
    private readonly rates: SubmissionRateLimiter,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(raw: Uint8Array, subject: string, turn: SenderTurn = AT_ONCE): Promise<void> {
    const submitter = subject.slice(subject.lastIndexOf('.') + 1);
    if (!isBureauCode(submitter)) {
      this.logger.error(`submission on unexpected subject ${subject}: dropped from routing, nobody to report to`);
      const event: LedgerEvent = {
        type: 'submission-refused',
        envelopeId: null,
        at: this.clock.now(),
        data: { subject, code: 'malformed-envelope', digest: rawDigest(raw) },
      };
      await turn(() => this.ledger.record([event]));
      return;
    }
    let parsed: ParsedEnvelope;
    try {
      parsed = parseEnvelope(raw);
    } catch (error) {
      if (!(error instanceof CryptoError)) throw error;
      const refusal: Refusal = {
        code: error.code === 'bad-content' ? 'malformed-envelope' : error.code,
        message: error.message,
      };
      const envelopeId = `unparsed-${rawDigest(raw).slice(0, 32)}`;
      return stored(turn(() => this.refuse(submitter, { envelopeId }, refusal)));
    }
    const { payload, digest } = parsed;
    // Before any answer from the replay record: on another party's subject, a known envelope is
    // not a replay to re-publish but a bureau passing off what it received as its own submission.
    if (payload.from !== submitter) {
      const refusal: Refusal = {
        code: 'sender-mismatch',
        message: `published on ${submitter}'s submission subject but from is ${payload.from}`,
      };
      return stored(
        turn(() => this.refuse(submitter, { envelopeId: payload.id, digest, kind: payload.kind }, refusal)),
      );
    }
    // Ahead of the turn; awaited where the decision would have checked it, so refusals keep their order.
    const signature = this.decider.checkSignature(parsed);
    signature.catch(() => undefined);
    return stored(turn(() => this.settle(parsed, raw, submitter, signature)));
  }

  private async settle(
    parsed: ParsedEnvelope,
    raw: Uint8Array,
    submitter: string,
    signature: Promise<Refusal | undefined>,
  ): Promise<PublishesInFlight> {
    const { payload, digest } = parsed;
    const earlier = await this.processed.find(payload.id);
    if (earlier && earlier.digest === digest) {
      const signatureRefusal = await signature;
      if (signatureRefusal)
        return this.refuse(submitter, { envelopeId: payload.id, digest, kind: payload.kind }, signatureRefusal);
      return this.replayEarlier(earlier, raw);
    }
    if (earlier)
      return this.refuse(
        submitter,
        { envelopeId: payload.id, digest, kind: payload.kind },
        { code: 'replay', message: `envelope id ${payload.id} was already used for another envelope` },
      );

    const decision = await this.decider.decide(parsed, submitter, signature);
    if (decision.status === 'refused')
      return this.refuse(submitter, { envelopeId: payload.id, digest, kind: payload.kind }, decision.refusal, {
        version: decision.policyVersion,
        sha256: decision.policySha256,
      });
    if (decision.status === 'duplicate') return this.answerDuplicate(parsed, decision.refusal);
    return this.accept(parsed, decision, raw);
  }

  private async accept(
    parsed: ParsedEnvelope,
    decision: Extract<Decision, { status: 'accepted' }>,
    raw: Uint8Array,
  ): Promise<PublishesInFlight> {
    const { payload, digest } = parsed;
    const { recipients } = decision;
    const now = this.clock.now();
    const report = await this.signReport(
      { envelopeId: payload.id, envelopeDigest: digest, to: payload.from, status: 'accepted', recipients },
      now,
    );
    const deliveredTo = recipients.filter((outcome) => outcome.status === 'delivered').map((outcome) => outcome.code);
    const duplicate = await this.writer.transaction(async (manager) => {
      await this.fence.hold(manager, payload.from);
      await this.rates.persist(manager, payload.from);
      // A receipt counts once it is delivered, and once per recipient: checked again here, where writes are serial.
      const receiptFor = payload.kind === 'receipt' && deliveredTo.length > 0 ? payload.meta.receiptFor : undefined;
      if (receiptFor) {
        const earlier = await this.receipts.insertFirst(manager, {
          envelopeId: receiptFor.id,
          recipient: payload.from,
          receiptId: payload.id,
          acceptedAt: now.toISOString(),
        });
        if (earlier !== undefined) return { duplicateOf: earlier };
      }
      await this.processed.insert(manager, {
        envelopeId: payload.id,
        digest,
        sender: payload.from,
        deliveredTo: JSON.stringify(deliveredTo),
        report,
        acceptedAt: now.toISOString(),
      });
      // Nothing refers to a receipt; every other envelope can be replied to or forwarded.
      if (payload.kind !== 'receipt') {
        const row = {
          envelopeId: payload.id,
          sender: payload.from,
          kind: payload.kind,
          restrictedTo: JSON.stringify(decision.restrictedTo),
          digest,
          deliveredTo: JSON.stringify(deliveredTo),
          acceptedAt: now.toISOString(),
          ...handlingColumns(decision.handling),
        };
        await this.lineage.insert(manager, row);
      }
      const events = acceptedEvents(payload, digest, decision, now);
      // The owner's answer counts once it reaches the bureau that asked (the rules let only the owner's through).
      const consent = decision.consent;
      if (consent && payload.meta.consent && deliveredTo.includes(consent.grantee)) {
        const { decision: answer, purpose, bureaus, expiresAt } = payload.meta.consent;
        if (answer === 'granted' && expiresAt)
          await this.grants.insert(manager, {
            decisionId: payload.id,
            originId: consent.originId,
            grantee: consent.grantee,
            purpose,
            bureaus: JSON.stringify(bureaus ?? []),
            expiresAt: new Date(expiresAt).toISOString(),
            grantedAt: now.toISOString(),
          });
        events.push(consentEvent(payload, consent, now));
      }
      await this.ledger.append(manager, events);
      return undefined;
    });
    if (duplicate) {
      const id = payload.meta.receiptFor?.id;
      return this.answerDuplicate(parsed, {
        code: 'duplicate-receipt',
        message: `${payload.from} already receipted ${id} with receipt ${duplicate.duplicateOf}: this one has no effect`,
      });
    }
    this.logger.log(
      acceptedDecisionLine(
        { envelopeId: payload.id, sender: payload.from, kind: payload.kind },
        recipients,
        decision.policyVersion,
      ),
    );
    return this.publisher.dispatch({
      envelopeId: payload.id,
      deliveries: { raw, recipients: deliveredTo },
      sender: payload.from,
      reportId: `${payload.id}:${digest}`,
      report,
    });
  }

  /** A second receipt: the sender hears it had no effect; nothing is delivered, stored or ledgered. */
  private async answerDuplicate(parsed: ParsedEnvelope, refusal: Refusal): Promise<PublishesInFlight> {
    const { payload, digest } = parsed;
    const report = await this.signReport(
      { envelopeId: payload.id, envelopeDigest: digest, to: payload.from, status: 'refused', refusal, recipients: [] },
      this.clock.now(),
    );
    this.logger.log(refusedDecisionLine({ envelopeId: payload.id, sender: payload.from, kind: payload.kind }, refusal));
    return this.publisher.dispatch({
      envelopeId: payload.id,
      sender: payload.from,
      reportId: `${payload.id}:${digest}:refused`,
      report,
    });
  }

  private replayEarlier(
    earlier: { envelopeId: string; digest: string; sender: string; deliveredTo: string; report: string },
    raw: Uint8Array,
  ): PublishesInFlight {
    this.logger.log(`second copy of ${earlier.envelopeId}: re-publishing, no second effect`);
    return this.publisher.dispatch({
      envelopeId: earlier.envelopeId,
      deliveries: { raw, recipients: JSON.parse(earlier.deliveredTo) as string[] },
      sender: earlier.sender,
      reportId: `${earlier.envelopeId}:${earlier.digest}`,
      report: earlier.report,
    });
  }

  private async refuse(
    sender: string,
    subject: { envelopeId: string; digest?: string; kind?: string },
    refusal: Refusal,
    policy?: { version: number; sha256: string },
  ): Promise<PublishesInFlight> {
    const now = this.clock.now();
    const report = await this.signReport(
      {
        envelopeId: subject.envelopeId,
        envelopeDigest: subject.digest,
        to: sender,
        status: 'refused',
        refusal,
        recipients: [],
      },
      now,
    );
    const data = {
      from: sender,
      digest: subject.digest,
      ...refusalFields(refusal),
      ...(policy === undefined ? {} : { policyVersion: policy.version, policySha256: policy.sha256 }),
    };
    await this.ledger.record([{ type: 'submission-refused', envelopeId: subject.envelopeId, at: now, data }]);
    this.logger.log(
      refusedDecisionLine({ envelopeId: subject.envelopeId, sender, kind: subject.kind }, refusal, policy?.version),
    );
    return this.publisher.dispatch({
      envelopeId: subject.envelopeId,
      sender,
      reportId: `${subject.envelopeId}:${subject.digest ?? 'none'}:refused`,
      report,
    });
  }

  private signReport(fields: Omit<DeliveryReport, 'v' | 'kind' | 'createdAt'>, now: Date): Promise<string> {
    const report: DeliveryReport = { v: 1, kind: 'delivery-report', createdAt: now.toISOString(), ...fields };
    if (report.envelopeDigest === undefined) delete report.envelopeDigest;
    if (report.refusal === undefined) delete report.refusal;
    return signDeliveryReport(report, { kid: this.identity.signing.kid, key: this.identity.signing.privateKey });
  }
}

/** Resolves once what the submission's turn started publishing is stored by JetStream. */
async function stored(inTurn: Promise<PublishesInFlight>): Promise<void> {
  await (
    await inTurn
  ).stored;
}

function rawDigest(raw: Uint8Array): string {
  return createHash('sha256').update(raw).digest('base64url');
}

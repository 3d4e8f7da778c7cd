import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DeliveryReport, EnvelopePayload, RecipientOutcome, Refusal, isBureauCode } from '@bureaunet/contracts';
import { CryptoError, ParsedEnvelope, parseEnvelope, signDeliveryReport } from '@bureaunet/crypto';
import { BUREAU_IDENTITY, BureauIdentity } from '@bureaunet/identity';
import { CLOCK, Clock } from '@bureaunet/platform';
import { SerialWriter } from '@bureaunet/persistence';
import { LedgerEvent, LedgerRecorder } from '../ledger/ledger.recorder';
import { DeliveryPublisher } from './delivery.publisher';
import { ProcessedSubmissionRepository } from './processed-submission.repository';
import { SubmissionDecider } from './submission.decider';

/**
 * One submission, start to finish: parse, decide, commit (ledger + replay record) in one
 * transaction, then publish deliveries and the signed report. The transport acks only after this
 * resolves, so a crash anywhere means redelivery, and a redelivered copy is answered from the
 * record without a second effect.
 */
@Injectable()
export class SubmissionService {
  private readonly logger = new Logger(SubmissionService.name);

  constructor(
    private readonly decider: SubmissionDecider,
    private readonly processed: ProcessedSubmissionRepository,
    private readonly ledger: LedgerRecorder,
    private readonly writer: SerialWriter,
    private readonly publisher: DeliveryPublisher,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(raw: Uint8Array, subject: string): Promise<void> {
    const submitter = subject.slice(subject.lastIndexOf('.') + 1);
    if (!isBureauCode(submitter)) {
      this.logger.error(`submission on unexpected subject ${subject}: dropped from routing, nobody to report to`);
      await this.record([{ type: 'submission-refused', envelopeId: null, at: this.clock.now(), data: { subject, code: 'malformed-envelope', digest: rawDigest(raw) } }]);
      return;
    }
    let parsed: ParsedEnvelope;
    try {
      parsed = parseEnvelope(raw);
    } catch (error) {
      if (!(error instanceof CryptoError)) throw error;
      return this.refuse(submitter, { envelopeId: `unparsed-${rawDigest(raw).slice(0, 32)}` }, { code: error.code === 'bad-content' ? 'malformed-envelope' : error.code, message: error.message });
    }
    const { payload, digest } = parsed;
    const earlier = await this.processed.find(payload.id);
    if (earlier && earlier.digest === digest) return this.replayEarlier(earlier, raw);
    if (earlier) return this.refuse(submitter, { envelopeId: payload.id, digest }, { code: 'replay', message: `envelope id ${payload.id} was already used for another envelope` });

    const decision = await this.decider.decide(parsed, submitter);
    if (decision.status === 'refused') return this.refuse(submitter, { envelopeId: payload.id, digest }, decision.refusal);
    return this.accept(parsed, decision.recipients, raw);
  }

  private async accept(parsed: ParsedEnvelope, recipients: RecipientOutcome[], raw: Uint8Array): Promise<void> {
    const { payload, digest } = parsed;
    const now = this.clock.now();
    const report = await this.signReport({ envelopeId: payload.id, envelopeDigest: digest, to: payload.from, status: 'accepted', recipients }, now);
    const deliveredTo = recipients.filter((outcome) => outcome.status === 'delivered').map((outcome) => outcome.code);
    await this.writer.transaction(async (manager) => {
      await this.processed.insert(manager, { envelopeId: payload.id, digest, sender: payload.from, deliveredTo: JSON.stringify(deliveredTo), report, acceptedAt: now.toISOString() });
      await this.ledger.append(manager, acceptedEvents(payload, digest, recipients, now));
    });
    await this.publisher.deliver(payload.id, raw, deliveredTo);
    await this.publisher.report(payload.from, `${payload.id}:${digest}`, report);
  }

  private async replayEarlier(earlier: { envelopeId: string; digest: string; sender: string; deliveredTo: string; report: string }, raw: Uint8Array): Promise<void> {
    this.logger.log(`second copy of ${earlier.envelopeId}: re-publishing, no second effect`);
    await this.publisher.deliver(earlier.envelopeId, raw, JSON.parse(earlier.deliveredTo) as string[]);
    await this.publisher.report(earlier.sender, `${earlier.envelopeId}:${earlier.digest}`, earlier.report);
  }

  private async refuse(sender: string, subject: { envelopeId: string; digest?: string }, refusal: Refusal): Promise<void> {
    const now = this.clock.now();
    const report = await this.signReport({ envelopeId: subject.envelopeId, envelopeDigest: subject.digest, to: sender, status: 'refused', refusal, recipients: [] }, now);
    await this.record([{ type: 'submission-refused', envelopeId: subject.envelopeId, at: now, data: { from: sender, digest: subject.digest, code: refusal.code, reason: refusal.message } }]);
    await this.publisher.report(sender, `${subject.envelopeId}:${subject.digest ?? 'none'}:refused`, report);
  }

  private record(events: LedgerEvent[]): Promise<void> {
    return this.writer.transaction((manager) => this.ledger.append(manager, events));
  }

  private signReport(fields: Omit<DeliveryReport, 'v' | 'kind' | 'createdAt'>, now: Date): Promise<string> {
    const report: DeliveryReport = { v: 1, kind: 'delivery-report', createdAt: now.toISOString(), ...fields };
    if (report.envelopeDigest === undefined) delete report.envelopeDigest;
    if (report.refusal === undefined) delete report.refusal;
    return signDeliveryReport(report, { kid: this.identity.signing.kid, key: this.identity.signing.privateKey });
  }
}

function acceptedEvents(payload: EnvelopePayload, digest: string, recipients: RecipientOutcome[], at: Date): LedgerEvent[] {
  const events: LedgerEvent[] = [
    { type: 'submission-accepted', envelopeId: payload.id, at, data: { from: payload.from, kind: payload.kind, to: payload.to, digest, meta: payload.meta } },
  ];
  if (payload.kind === 'receipt' && payload.meta.receiptFor) {
    events.push({ type: 'receipt', envelopeId: payload.meta.receiptFor.id, at, data: { receiptId: payload.id, from: payload.from, digest: payload.meta.receiptFor.digest } });
  }
  for (const outcome of recipients) {
    events.push(
      outcome.status === 'delivered'
        ? { type: 'delivery', envelopeId: payload.id, at, data: { to: outcome.code } }
        : { type: 'recipient-refused', envelopeId: payload.id, at, data: { to: outcome.code, code: outcome.refusal.code, reason: outcome.refusal.message } },
    );
  }
  return events;
}

function rawDigest(raw: Uint8Array): string {
  return createHash('sha256').update(raw).digest('base64url');
}

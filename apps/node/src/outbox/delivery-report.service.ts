import type { KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { GATEWAY_CODE, type DeliveryReport, type Refusal } from '@bureaunet/contracts';
import { deliveryReportKid, openDeliveryReport } from '@bureaunet/crypto';
import { DirectoryClient } from '@bureaunet/directory';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import type { ConsoleEvent } from '../console-events/console-event';
import { ConsoleEventBus } from '../console-events/console-event.bus';
import { DeliveryRefusal, refusalOf } from '../delivery/delivery-refusal';
import { RejectedDeliveryService } from '../delivery/rejected-delivery.service';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import { backoff } from './republish.decision';
import type { RecipientChange } from '../store/recipient-state.upsert';
import { SentMessageRepository, type SentMessageHead } from '../store/sent-message.repository';

/** The longest wait a rate-limited refusal can impose on a retry; a longer retryAfterMs is capped. */
const MAX_RETRY_AFTER_MS = 3_600_000;

const UNEXPLAINED: Refusal = {
  code: 'policy-denied',
  message: 'the gateway refused the envelope without giving a reason',
};

/** Applies the gateway's signed report on one of our envelopes: its verdict and each recipient's. */
@Injectable()
export class DeliveryReportService {
  private readonly logger = new Logger(DeliveryReportService.name);

  constructor(
    private readonly directory: DirectoryClient,
    private readonly sent: SentMessageRepository,
    private readonly rejected: RejectedDeliveryService,
    private readonly writer: SerialWriter,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly events: ConsoleEventBus,
  ) {}

  async receive(raw: Buffer, msgId: string | undefined): Promise<void> {
    // Not being able to get the gateway's key is our problem, not the report's: let it come again.
    const gateway = await this.directory.signingKey(GATEWAY_CODE);
    let report: DeliveryReport;
    try {
      // The gateway's current key, or the one its renewal replaced while this report was in flight.
      const kid = deliveryReportKid(raw);
      const signer = kid === gateway.kid ? gateway : await this.directory.signingKeyByKid(GATEWAY_CODE, kid);
      report = await this.open(raw, signer.kid, signer.key);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      await this.rejected.record({ raw, refusal, facts: { from: GATEWAY_CODE, msgId } });
      return;
    }
    const message = await this.sent.findHead(report.envelopeId);
    if (!message || (report.envelopeDigest !== undefined && report.envelopeDigest !== message.digest)) {
      this.logger.warn(
        `report on ${report.envelopeId} (digest ${report.envelopeDigest ?? 'none'}) matches no envelope sent from here: ignored`,
      );
      return;
    }
    await this.apply(message, report, raw);
  }

  private async open(raw: Buffer, kid: string, key: KeyObject): Promise<DeliveryReport> {
    const opened = await openDeliveryReport(raw, key);
    if (opened.kid !== kid)
      throw new DeliveryRefusal(
        'bad-signature',
        `delivery report signed with key ${opened.kid}, not the gateway's current ${kid}`,
      );
    if (opened.report.to !== this.config.code)
      throw new DeliveryRefusal(
        'unknown-recipient',
        `delivery report is for ${opened.report.to}, not ${this.config.code}`,
      );
    return opened.report;
  }

  private async apply(message: SentMessageHead, report: DeliveryReport, raw: Buffer): Promise<void> {
    const now = this.clock.now().toISOString();
    const refusal = report.status === 'refused' ? (report.refusal ?? UNEXPLAINED) : null;
    if (refusal && this.retryable(message, refusal)) return this.scheduleRetry(message, refusal);
    // Two statements whatever the report holds: the guarded verdict, then every recipient's state.
    const settled = await this.writer.transaction(async (manager) => {
      const first = await this.sent.recordReport(
        manager,
        message.id,
        { status: report.status, refusal, reportedAt: now, raw },
        this.nextCheckAfter(message, report, now),
      );
      const changes: RecipientChange[] = report.recipients.map((outcome) => ({
        code: outcome.code,
        event: outcome.status === 'delivered' ? { type: 'delivered' } : { type: 'refused', refusal: outcome.refusal },
      }));
      const refusedAsWhole: string[] = [];
      if (refusal && report.recipients.length === 0) {
        for (const pending of await this.sent.pendingAddressees(manager, message.id)) {
          changes.push({ code: pending.code, event: { type: 'refused', refusal } });
          refusedAsWhole.push(pending.code);
        }
      }
      await this.sent.applyRecipientEvents(manager, message.id, changes, now);
      return { first, refusedAsWhole };
    });
    // After the commit, and once: a duplicate report is no news to the consoles.
    if (settled.first)
      reportEvents(message.id, report, refusal, settled.refusedAsWhole).forEach((e) => this.events.publish(e));
    this.logger.log(`report on ${message.id}: ${report.status}${refusal ? ` (${refusal.code})` : ''}`);
  }

  // The republisher's next look: at the receipt deadline when receipts are awaited, never otherwise.
  private nextCheckAfter(message: SentMessageHead, report: DeliveryReport, now: string): string | null {
    const awaited =
      report.status === 'accepted' &&
      message.kind !== 'receipt' &&
      report.recipients.some((outcome) => outcome.status === 'delivered');
    return awaited
      ? new Date(Date.parse(now) + backoff(this.config.receiptDeadlineMs, message.attempts)).toISOString()
      : null;
  }

  // Over the rate limit is "not now", not "no": retried after the time the gateway names, within the attempts.
  private retryable(message: SentMessageHead, refusal: Refusal): refusal is Refusal & { retryAfterMs: number } {
    return (
      refusal.code === 'rate-limited' &&
      refusal.retryAfterMs !== undefined &&
      message.reportStatus === null &&
      message.attempts < this.config.republishMaxAttempts
    );
  }

  private async scheduleRetry(message: SentMessageHead, refusal: Refusal & { retryAfterMs: number }): Promise<void> {
    const now = this.clock.now();
    const retryAt = new Date(now.getTime() + Math.min(refusal.retryAfterMs, MAX_RETRY_AFTER_MS)).toISOString();
    const lastError = `rate-limited: ${refusal.message}; retry at ${retryAt}`;
    await this.writer.transaction(async (manager) => {
      await this.sent.markPublished(manager, [{ id: message.id, at: now.toISOString() }]);
      await this.sent.scheduleRetry(manager, message.id, retryAt, lastError);
    });
    this.logger.warn(`report on ${message.id}: ${lastError}`);
  }
}

/** What the consoles hear of a report: each recipient delivered or refused (with the deciding rule). */
function reportEvents(
  messageId: string,
  report: DeliveryReport,
  refusal: Refusal | null,
  refusedAsWhole: readonly string[],
): ConsoleEvent[] {
  const refusalEvent = (recipient: string, reason: Refusal): ConsoleEvent => ({
    name: 'refusal',
    data: { messageId, recipient, ...(reason.rule ? { rule: reason.rule } : {}), reason: reason.message },
  });
  const events = report.recipients.map((outcome) =>
    outcome.status === 'delivered'
      ? { name: 'receipt' as const, data: { messageId, recipient: outcome.code, state: 'delivered' } }
      : refusalEvent(outcome.code, outcome.refusal),
  );
  return refusal ? [...events, ...refusedAsWhole.map((code) => refusalEvent(code, refusal))] : events;
}

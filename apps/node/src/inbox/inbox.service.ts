import { Inject, Injectable, Logger } from '@nestjs/common';
import { DELIVERY_REPORT_TYP, refusalCodeSchema } from '@bureaunet/contracts';
import {
  decryptEnvelopeContent,
  jweRecipientKids,
  MAX_ENVELOPE_BYTES,
  parseEnvelope,
  type ParsedEnvelope,
} from '@bureaunet/crypto';
import { BUREAU_IDENTITY, encryptionKeyFor, type BureauIdentity } from '@bureaunet/identity';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { DeliveryReportService } from '../outbox/delivery-report.service';
import { OutboxPublisher } from '../outbox/outbox.publisher';
import { SentMessageRepository } from '../store/sent-message.repository';
import { ReceiptIssuer } from '../receipt/receipt.issuer';
import { ReceiptService } from '../receipt/receipt.service';
import { RejectionIssuer } from '../receipt/rejection.issuer';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import { WorkflowRecorder } from '../workflow/workflow.recorder';
import { DeliveryRefusal, refusalOf } from '../delivery/delivery-refusal';
import { deliveryTyp } from '../delivery/delivery-typ';
import { EnvelopeAuthenticator } from './envelope.authenticator';
import { checkEnvelopeTime } from './envelope-time.check';
import { checkReceivedBody } from './received-body.check';
import { ReceivedMessageRepository } from '../store/received-message.repository';
import { receivedMessageRow } from '../store/received-message.row';
import { RejectedDeliveryService } from '../delivery/rejected-delivery.service';

/** What is known of a delivery so far: whether to answer a refusal depends on it. */
interface Delivery {
  parsed?: ParsedEnvelope;
  /** The signature verified against the sender's current certificate. */
  authenticated: boolean;
}

/**
 * Everything the gateway delivers to this bureau. Resolves when the delivery is settled for good
 * (stored, recognised as a second copy, or rejected and recorded): the transport then acks it.
 * Throws only for what may pass later (directory unavailable, database error): the transport naks.
 * A refusal of an authenticated envelope (not a receipt) is answered with a signed rejection.
 */
@Injectable()
export class InboxService {
  private readonly logger = new Logger(InboxService.name);

  constructor(
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
    private readonly authenticator: EnvelopeAuthenticator,
    private readonly received: ReceivedMessageRepository,
    private readonly sent: SentMessageRepository,
    private readonly receipts: ReceiptService,
    private readonly receiptIssuer: ReceiptIssuer,
    private readonly rejectionIssuer: RejectionIssuer,
    private readonly reports: DeliveryReportService,
    private readonly publisher: OutboxPublisher,
    private readonly rejected: RejectedDeliveryService,
    private readonly writer: SerialWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly workflow: WorkflowRecorder,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  async receive(raw: Buffer, msgId: string | undefined): Promise<void> {
    if (deliveryTyp(raw, MAX_ENVELOPE_BYTES) === DELIVERY_REPORT_TYP) return this.reports.receive(raw, msgId);
    const delivery: Delivery = { authenticated: false };
    try {
      delivery.parsed = parseEnvelope(raw);
      await this.accept(raw, delivery.parsed, delivery);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      await this.refuse(raw, refusal, delivery, msgId);
    }
  }

  private async accept(raw: Buffer, parsed: ParsedEnvelope, delivery: Delivery): Promise<void> {
    this.checkAddressing(parsed);
    if (await this.isSecondCopy(parsed)) return;
    await this.authenticator.authenticate(parsed);
    delivery.authenticated = true;
    checkEnvelopeTime(parsed.payload, this.clock.now(), this.config.clockSkewMs);
    if (parsed.payload.kind === 'receipt') return this.receipts.accept(raw, parsed);
    await this.store(raw, parsed);
  }

  // Recorded and acked; answered to the sender only when it is known to be the sender (no
  // reflection oracle) and never for a receipt (no rejection of a rejection).
  private async refuse(
    raw: Buffer,
    refusal: { code: string; message: string },
    delivery: Delivery,
    msgId: string | undefined,
  ): Promise<void> {
    const { parsed } = delivery;
    const code = refusalCodeSchema.safeParse(refusal.code);
    const answerable = parsed && delivery.authenticated && parsed.payload.kind !== 'receipt' && code.success;
    const answer = answerable
      ? await this.rejectionIssuer.seal(parsed, { code: code.data, message: refusal.message })
      : undefined;
    const payload = parsed?.payload;
    const facts = { envelopeId: payload?.id, from: payload?.from, digest: parsed?.digest, msgId };
    const rejection = await this.rejected.record(raw, refusal, facts, answer);
    if (rejection) await this.publisher.publish(rejection);
  }

  private checkAddressing({ payload }: ParsedEnvelope): void {
    const own = this.identity.code;
    if (payload.from === own)
      throw new DeliveryRefusal('self-addressed', `envelope ${payload.id} comes from this bureau`);
    if (payload.to !== 'all' && !payload.to.includes(own)) {
      throw new DeliveryRefusal(
        'unknown-recipient',
        `envelope ${payload.id} is addressed to ${payload.to.join(', ')}, not to ${own}`,
      );
    }
  }

  // The stored copy verified, and the digest covers every signed byte: same digest, same envelope.
  private async isSecondCopy(parsed: ParsedEnvelope): Promise<boolean> {
    const existing = await this.received.findById(parsed.payload.id);
    if (!existing) return false;
    if (existing.digest !== parsed.digest) {
      throw new DeliveryRefusal(
        'replay',
        `envelope id ${parsed.payload.id} was already received with another digest (${existing.digest})`,
      );
    }
    this.logger.debug(`second copy of ${parsed.payload.id} acknowledged without effect`);
    return true;
  }

  // The message and its receipt commit together: a crash leaves either both or neither.
  private async store(raw: Buffer, parsed: ParsedEnvelope): Promise<void> {
    // The key it was sealed to: the current one or one a renewal replaced.
    const encryption = encryptionKeyFor(this.identity, jweRecipientKids(parsed));
    const { body } = await decryptEnvelopeContent(parsed, {
      code: this.identity.code,
      kid: encryption.kid,
      privateKey: encryption.privateKey,
    });
    checkReceivedBody(parsed.payload.id, body);
    const receipt = await this.receiptIssuer.seal(parsed);
    const now = this.clock.now().toISOString();
    const stored = await this.writer.transaction(async (manager) => {
      if (!(await this.received.insertOnce(manager, receivedMessageRow(raw, parsed, body ?? null, now)))) return false;
      await this.sent.insert(manager, receipt, receipt.to === 'all' ? [] : receipt.to, now);
      // The workflow effect (a notice becomes active, a diffusion withdrawn…) commits with the message.
      await this.workflow.record(manager, parsed.payload, body ?? null, now);
      return true;
    });
    if (!stored) return;
    this.logger.log(`received ${parsed.payload.kind} ${parsed.payload.id} from ${parsed.payload.from}`);
    await this.publisher.publish(receipt);
  }
}

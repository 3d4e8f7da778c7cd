import { Inject, Injectable, Logger } from '@nestjs/common';
import { refusalCodeSchema, scopeReferenceOf } from '@bureaunet/contracts';
import { decryptEnvelopeContent, jweRecipientKids, parseEnvelope, type ParsedEnvelope } from '@bureaunet/crypto';
import { BUREAU_IDENTITY, encryptionKeyFor, type BureauIdentity } from '@bureaunet/identity';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { receivedBodyDigests } from '../handling/body-digest';
import { ConsentArrivalRecorder } from '../consent/consent-arrival.recorder';
import { ReceivedBodyDigestRepository } from '../store/received-body-digest.repository';
import { ConsoleEventBus } from '../console-events/console-event.bus';
import type { ConsoleEvent } from '../console-events/console-event';
import { DeliveryRefusal, refusalOf } from '../delivery/delivery-refusal';
import { RejectedDeliveryService, type Refused } from '../delivery/rejected-delivery.service';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import { ReceiptIssuer } from '../receipt/receipt.issuer';
import { ReceiptService } from '../receipt/receipt.service';
import { RejectionIssuer } from '../receipt/rejection.issuer';
import { ReceivedMessageRepository } from '../store/received-message.repository';
import { receivedMessageRow } from '../store/received-message.row';
import { WorkflowRecorder } from '../workflow/workflow.recorder';
import { EnvelopeAuthenticator } from './envelope.authenticator';
import { checkEnvelopeTime } from './envelope-time.check';
import { checkReceivedBody } from './received-body.check';

/** What is known of a delivery so far: whether to answer a refusal depends on it. */
interface Delivery {
  parsed?: ParsedEnvelope;
  /** The signature verified against the sender's current certificate. */
  authenticated: boolean;
}

/**
 * Every envelope the gateway delivers to this bureau (receipts included: they are verified like
 * any envelope, then handed to receipt handling). Resolves when the delivery is settled for good
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
    private readonly receipts: ReceiptService,
    private readonly receiptIssuer: ReceiptIssuer,
    private readonly rejectionIssuer: RejectionIssuer,
    private readonly rejected: RejectedDeliveryService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly workflow: WorkflowRecorder,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    private readonly events: ConsoleEventBus,
    private readonly bodyDigests: ReceivedBodyDigestRepository,
    private readonly consents: ConsentArrivalRecorder,
  ) {}

  async receive(raw: Buffer, msgId: string | undefined): Promise<void> {
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
    const payload = parsed?.payload;
    const refused: Refused = {
      raw,
      refusal,
      facts: { envelopeId: payload?.id, from: payload?.from, digest: parsed?.digest, msgId },
    };
    const code = refusalCodeSchema.safeParse(refusal.code);
    if (!parsed || !delivery.authenticated || parsed.payload.kind === 'receipt' || !code.success)
      return this.rejected.record(refused);
    await this.rejectionIssuer.issue(parsed, { code: code.data, message: refusal.message }, (manager, answer, now) =>
      this.rejected.recordAnswered(manager, refused, answer.id, now),
    );
  }

  private checkAddressing({ payload }: ParsedEnvelope): void {
    const own = this.identity.code;
    if (payload.from === own)
      throw new DeliveryRefusal('self-addressed', `envelope ${payload.id} comes from this bureau`);
    // A group:/operation: scope is resolved by the gateway, which delivers only to its members.
    if (payload.to !== 'all' && !payload.to.includes(own) && !payload.to.some((to) => scopeReferenceOf(to))) {
      throw new DeliveryRefusal(
        'unknown-recipient',
        `envelope ${payload.id} is addressed to ${payload.to.join(', ')}, not to ${own}`,
      );
    }
  }

  // The stored copy verified, and the digest covers every signed byte: same digest, same envelope.
  private async isSecondCopy(parsed: ParsedEnvelope): Promise<boolean> {
    const digest = await this.received.digestOf(parsed.payload.id);
    if (digest === undefined) return false;
    if (digest !== parsed.digest) {
      throw new DeliveryRefusal(
        'replay',
        `envelope id ${parsed.payload.id} was already received with another digest (${digest})`,
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
    // Digested before the transaction: a large body's canonical JSON takes milliseconds.
    const digests = receivedBodyDigests(body);
    let workflowEvents: ConsoleEvent[] = [];
    const receipt = await this.receiptIssuer.issue(parsed, async (manager, _receipt, now) => {
      if (!(await this.received.insertOnce(manager, receivedMessageRow(raw, parsed, body ?? null, now)))) return false;
      // The workflow effect (a notice becomes active, a diffusion withdrawn…) commits with the message.
      workflowEvents = await this.workflow.record(manager, parsed.payload, body ?? null, now);
      await this.bodyDigests.insert(manager, parsed.payload.id, digests);
      await this.consents.record(manager, parsed.payload, body ?? null, now);
      return true;
    });
    if (!receipt) return;
    this.logger.log(`received ${parsed.payload.kind} ${parsed.payload.id} from ${parsed.payload.from}`);
    const { id, kind, from } = parsed.payload;
    this.events.publish({ name: 'message', data: { id, kind, from } });
    // Committed: the consoles may now hear of it (a review to do, an alert, a hit, its answer…).
    for (const event of workflowEvents) this.events.publish(event);
  }
}

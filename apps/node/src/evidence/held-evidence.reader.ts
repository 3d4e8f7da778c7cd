import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@bureaunet/contracts';
import { jweRecipientKids, parseEnvelope } from '@bureaunet/crypto';
import { decryptJweContent, unwrapContentKey } from '@bureaunet/evidence';
import { BUREAU_IDENTITY, encryptionKeyFor, type BureauIdentity } from '@bureaunet/identity';
import { ReceivedMessageRepository } from '../store/received-message.repository';
import { SentMessageRepository } from '../store/sent-message.repository';

/** What this node itself holds about one message: the exact bytes it keeps, by direction. */
export interface HeldEvidence {
  direction: 'sent' | 'received';
  envelope: Buffer;
  /** The gateway's signed delivery report: only the sender's node gets it. */
  reports: Buffer[];
  /** Receipts this node holds: every recipient's at the sender, its own at a recipient. */
  receipts: Buffer[];
}

/**
 * Reads the envelope, reports and receipts as stored, byte for byte, and opens a received
 * message's content key with this bureau's encryption key. The sender's node keeps neither the
 * content nor its key after sealing (only the envelope), so it has no plaintext to export.
 */
@Injectable()
export class HeldEvidenceReader {
  constructor(
    private readonly sent: SentMessageRepository,
    private readonly received: ReceivedMessageRepository,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
  ) {}

  /** `ownReceiptIds`: at a recipient, the ids of receipts for it (the ledger names them). */
  async read(id: string, ownReceiptIds: () => Promise<readonly string[]>): Promise<HeldEvidence> {
    const sent = await this.sent.findById(id);
    if (sent) {
      assertNotReceipt(id, sent.kind);
      if (!sent.report)
        throw new DomainError(
          'evidence-incomplete',
          `reports: the gateway has not reported on ${id} yet: export once it has`,
          'conflict',
        );
      const recipients = await this.sent.findRecipients([id]);
      const receipts = await Promise.all(
        recipients
          .map((recipient) => recipient.receiptId)
          .filter((receiptId): receiptId is string => receiptId !== null)
          .map((receiptId) => this.received.findById(receiptId)),
      );
      return {
        direction: 'sent',
        envelope: sent.envelope,
        reports: [sent.report],
        receipts: receipts.filter((receipt) => receipt !== null).map((receipt) => receipt.envelope),
      };
    }
    const received = await this.received.findById(id);
    if (!received)
      throw new DomainError('message-not-found', `no message ${id} was sent or received here`, 'not-found');
    assertNotReceipt(id, received.kind);
    const own = await Promise.all((await ownReceiptIds()).map((receiptId) => this.sent.findById(receiptId)));
    return {
      direction: 'received',
      envelope: received.envelope,
      reports: [],
      receipts: own.filter((receipt) => receipt?.kind === 'receipt').map((receipt) => receipt!.envelope),
    };
  }

  /** The content key of a received message (this one message's, never a long-term key) and its plaintext. */
  plaintext(held: HeldEvidence, id: string): { cek: Buffer; content: Buffer } {
    if (held.direction === 'sent')
      throw new DomainError(
        'plaintext-not-held',
        `plaintext: the sender's node keeps neither the content of ${id} nor its key; export it at a recipient's node`,
        'conflict',
      );
    const parsed = parseEnvelope(held.envelope);
    const content = parsed.payload.content;
    if (!content) throw new DomainError('plaintext-not-held', `plaintext: ${id} has no encrypted content`, 'conflict');
    // The key it was sealed to: the current one or one a renewal replaced.
    const key = encryptionKeyFor(this.identity, jweRecipientKids(parsed));
    try {
      const cek = unwrapContentKey(content, { kid: key.kid, privateKey: key.privateKey });
      return { cek, content: decryptJweContent(content, cek) };
    } catch (error) {
      throw new DomainError(
        'plaintext-not-held',
        `plaintext: this node's encryption keys no longer open ${id}: ${(error as Error).message}`,
        'conflict',
      );
    }
  }
}

function assertNotReceipt(id: string, kind: string): void {
  if (kind === 'receipt')
    throw new DomainError('evidence-of-receipt', `${id} is a receipt: export the evidence of the message it names`);
}

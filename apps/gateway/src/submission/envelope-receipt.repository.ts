import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { sqlStatements } from '@bureaunet/persistence';
import { EnvelopeReceiptEntity } from './envelope-receipt.entity';

// Every receipt reads and writes one, as prepared SQL.
const RECEIPT_OF = `SELECT "receiptId" FROM envelope_receipt WHERE "envelopeId" = ? AND recipient = ?`;
const INSERT_FIRST = `INSERT INTO envelope_receipt ("envelopeId", recipient, "receiptId", "acceptedAt") VALUES (?, ?, ?, ?) ON CONFLICT ("envelopeId", recipient) DO NOTHING`;

@Injectable()
export class EnvelopeReceiptRepository {
  constructor(
    @InjectRepository(EnvelopeReceiptEntity) private readonly repository: Repository<EnvelopeReceiptEntity>,
  ) {}

  /** The id of the receipt a recipient gave for an envelope, if any. */
  async receiptOf(envelopeId: string, recipient: string, manager?: EntityManager): Promise<string | undefined> {
    const prepared = sqlStatements(manager ?? this.repository.manager);
    return (await prepared.one<{ receiptId: string }>(RECEIPT_OF, [envelopeId, recipient]))?.receiptId;
  }

  /**
   * Records the recipient's receipt unless it already gave one for the envelope; then nothing is
   * written and the earlier receipt's id is returned. No read before the write: a conflict is rare.
   */
  async insertFirst(manager: EntityManager, row: EnvelopeReceiptEntity): Promise<string | undefined> {
    const { envelopeId, recipient, receiptId, acceptedAt } = row;
    const prepared = sqlStatements(manager);
    const inserted = await prepared.run(INSERT_FIRST, [envelopeId, recipient, receiptId, acceptedAt]);
    return inserted === 1 ? undefined : this.receiptOf(envelopeId, recipient, manager);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { PreparedStatements } from '@bureaunet/persistence';
import { EnvelopeReceiptEntity } from './envelope-receipt.entity';

// Every receipt reads and writes one, as prepared SQL.
const RECEIPT_OF = `SELECT receiptId FROM envelope_receipt WHERE envelopeId = ? AND recipient = ?`;
const INSERT = `INSERT INTO envelope_receipt (envelopeId, recipient, receiptId, acceptedAt) VALUES (?, ?, ?, ?)`;

@Injectable()
export class EnvelopeReceiptRepository {
  constructor(
    @InjectRepository(EnvelopeReceiptEntity) private readonly repository: Repository<EnvelopeReceiptEntity>,
  ) {}

  /** The id of the receipt a recipient gave for an envelope, if any. */
  async receiptOf(envelopeId: string, recipient: string, manager?: EntityManager): Promise<string | undefined> {
    const prepared = PreparedStatements.of((manager ?? this.repository.manager).connection);
    return (await prepared.one<{ receiptId: string }>(RECEIPT_OF, [envelopeId, recipient]))?.receiptId;
  }

  async insert(manager: EntityManager, row: EnvelopeReceiptEntity): Promise<void> {
    const { envelopeId, recipient, receiptId, acceptedAt } = row;
    await PreparedStatements.of(manager.connection).run(INSERT, [envelopeId, recipient, receiptId, acceptedAt]);
  }
}

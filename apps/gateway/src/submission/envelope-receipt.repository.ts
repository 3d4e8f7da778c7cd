import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { EnvelopeReceiptEntity } from './envelope-receipt.entity';

@Injectable()
export class EnvelopeReceiptRepository {
  constructor(
    @InjectRepository(EnvelopeReceiptEntity) private readonly repository: Repository<EnvelopeReceiptEntity>,
  ) {}

  /** The id of the receipt a recipient gave for an envelope, if any. */
  async receiptOf(envelopeId: string, recipient: string, manager?: EntityManager): Promise<string | undefined> {
    const row = await (manager
      ? manager.findOneBy(EnvelopeReceiptEntity, { envelopeId, recipient })
      : this.repository.findOneBy({ envelopeId, recipient }));
    return row?.receiptId;
  }

  async insert(manager: EntityManager, row: EnvelopeReceiptEntity): Promise<void> {
    await manager.insert(EnvelopeReceiptEntity, row);
  }
}

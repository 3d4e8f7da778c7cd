import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, type Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { applyInboxFilter, type InboxFilter } from './inbox.filter';
import { ReceivedMessageEntity } from './received-message.entity';

/** Received envelopes (messages and receipts). Writes take the EntityManager of a SerialWriter transaction. */
@Injectable()
export class ReceivedMessageRepository {
  constructor(@InjectRepository(ReceivedMessageEntity) private readonly messages: Repository<ReceivedMessageEntity>) {}

  findById(id: string): Promise<ReceivedMessageEntity | null> {
    return this.messages.findOneBy({ id });
  }

  /** Newest received first, without receipts; `before` is the id of the last one already seen. */
  async listNewestFirst(options: {
    limit: number;
    before?: ReceivedMessageEntity;
    filter?: InboxFilter;
  }): Promise<ReceivedMessageEntity[]> {
    const query = this.messages
      .createQueryBuilder('message')
      .where('message.kind != :receipt', { receipt: 'receipt' })
      .orderBy('message.receivedAt', 'DESC')
      .addOrderBy('message.id', 'DESC')
      .take(options.limit);
    if (options.filter) applyInboxFilter(query, options.filter);
    const before = options.before;
    if (before) {
      query.andWhere(
        new Brackets((older) =>
          older
            .where('message.receivedAt < :receivedAt', { receivedAt: before.receivedAt })
            .orWhere('message.receivedAt = :receivedAt AND message.id < :id', {
              receivedAt: before.receivedAt,
              id: before.id,
            }),
        ),
      );
    }
    return query.getMany();
  }

  /** Inserts unless the id is already there; returns false for a second copy. */
  async insertOnce(manager: EntityManager, message: ReceivedMessageEntity): Promise<boolean> {
    if (await manager.existsBy(ReceivedMessageEntity, { id: message.id })) return false;
    // The body is any JSON (typed unknown), which TypeORM's deep-partial insert type cannot express.
    await manager.insert(ReceivedMessageEntity, message as QueryDeepPartialEntity<ReceivedMessageEntity>);
    return true;
  }
}

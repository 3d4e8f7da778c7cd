import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, type Repository } from 'typeorm';
import { countedWrite } from './counted-write';
import { applyInboxFilter, type InboxFilter } from './inbox.filter';
import { plainQuery } from './plain-sql';
import { ReceivedMessageEntity } from './received-message.entity';

const INSERT_ONCE =
  'INSERT INTO "received_message" ("id", "sender", "kind", "meta", "body", "envelope", "digest", "createdAt", "expiresAt", "receivedAt")' +
  ' VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("id") DO NOTHING';

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

  /** The digest an id was received with, if it was: one plain SELECT, before any crypto. */
  async digestOf(id: string): Promise<string | undefined> {
    const [row] = await plainQuery<Array<{ digest: string }>>(
      this.messages.manager,
      'SELECT "digest" FROM "received_message" WHERE "id" = ?',
      [id],
    );
    return row?.digest;
  }

  /** Inserts unless the id is already there (no read before: the conflict says it); returns false for a second copy. */
  async insertOnce(manager: EntityManager, message: ReceivedMessageEntity): Promise<boolean> {
    const inserted = await countedWrite(manager, INSERT_ONCE, [
      message.id,
      message.from,
      message.kind,
      JSON.stringify(message.meta),
      // simple-json, as TypeORM stores it: null for a receipt.
      message.body === null || message.body === undefined ? null : JSON.stringify(message.body),
      message.envelope,
      message.digest,
      message.createdAt,
      message.expiresAt,
      message.receivedAt,
    ]);
    return inserted > 0;
  }
}

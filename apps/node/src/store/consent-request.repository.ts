import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type FindOptionsWhere, type Repository } from 'typeorm';
import { ConsentRequestEntity, type ConsentDirection, type ConsentState } from './consent-request.entity';

/** Most consent requests shown with one message. */
export const MAX_CONSENTS_PER_MESSAGE = 50;

/** Consent requests in both directions. Writes take the EntityManager of a SerialWriter transaction. */
@Injectable()
export class ConsentRequestRepository {
  constructor(@InjectRepository(ConsentRequestEntity) private readonly requests: Repository<ConsentRequestEntity>) {}

  findById(id: string, manager?: EntityManager): Promise<ConsentRequestEntity | null> {
    return (manager?.getRepository(ConsentRequestEntity) ?? this.requests).findOneBy({ id });
  }

  list(filter: { direction?: ConsentDirection; state?: ConsentState; limit: number }): Promise<ConsentRequestEntity[]> {
    const where: FindOptionsWhere<ConsentRequestEntity> = {};
    if (filter.direction) where.direction = filter.direction;
    if (filter.state) where.state = filter.state;
    return this.requests.find({ where, order: { createdAt: 'DESC', id: 'DESC' }, take: filter.limit });
  }

  /** Outgoing requests asked from these received messages, and incoming ones about these sent messages. */
  forMessages(ids: readonly string[]): Promise<ConsentRequestEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.requests.find({
      where: [
        { direction: 'outgoing', messageId: In([...ids]) },
        { direction: 'incoming', envelopeId: In([...ids]) },
      ],
      order: { createdAt: 'DESC' },
      take: MAX_CONSENTS_PER_MESSAGE * ids.length,
    });
  }

  pendingFor(messageId: string, purpose: string): Promise<ConsentRequestEntity | null> {
    return this.requests.findOneBy({ direction: 'outgoing', messageId, purpose: purpose as never, state: 'pending' });
  }

  /** Requests from one bureau still waiting on this bureau's decision. */
  countPendingFrom(manager: EntityManager, asker: string): Promise<number> {
    return manager.countBy(ConsentRequestEntity, { direction: 'incoming', asker, state: 'pending' });
  }

  countPending(direction: ConsentDirection): Promise<number> {
    return this.requests.countBy({ direction, state: 'pending' });
  }

  async insertOnce(manager: EntityManager, row: ConsentRequestEntity): Promise<boolean> {
    if (await manager.existsBy(ConsentRequestEntity, { id: row.id })) return false;
    await manager.insert(ConsentRequestEntity, row);
    return true;
  }

  /** Records the decision only if the request is still pending; false otherwise (decided before). */
  async decide(
    manager: EntityManager,
    id: string,
    decision: Pick<
      ConsentRequestEntity,
      'state' | 'decisionId' | 'decidedAt' | 'decidedBy' | 'expiresAt' | 'reason' | 'bureaus'
    >,
  ): Promise<boolean> {
    const result = await manager.update(ConsentRequestEntity, { id, state: 'pending' }, decision);
    return (result.affected ?? 0) > 0;
  }
}

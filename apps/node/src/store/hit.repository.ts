import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThanOrEqual, Not, type EntityManager, type Repository } from 'typeorm';
import { HitEntity, type HitAnswerRecord, type HitDirection, type HitState } from './hit.entity';

export interface HitListQuery {
  direction: HitDirection;
  /** The state a person sees (effectiveHitState), not only the stored one. */
  state?: HitState;
  limit: number;
  /** Cursor: the id of the last hit of the previous page. */
  before?: string;
  now: string;
}

/** Hits at this end. Reads use the repository; every write takes the EntityManager of a SerialWriter transaction. */
@Injectable()
export class HitRepository {
  constructor(@InjectRepository(HitEntity) private readonly hits: Repository<HitEntity>) {}

  findById(id: string, manager?: EntityManager): Promise<HitEntity | null> {
    return (manager?.getRepository(HitEntity) ?? this.hits).findOneBy({ id });
  }

  /** False when a row with this id is already here (a hit is recorded once). */
  async insert(manager: EntityManager, row: HitEntity): Promise<boolean> {
    if (await manager.getRepository(HitEntity).existsBy({ id: row.id })) return false;
    await manager.insert(HitEntity, row);
    return true;
  }

  /** Newest first, one bounded page. */
  list(query: HitListQuery): Promise<HitEntity[]> {
    const select = this.hits
      .createQueryBuilder('hit')
      .where('hit.direction = :direction', { direction: query.direction });
    switch (query.state) {
      case undefined:
        break;
      case 'answered':
        select.andWhere("hit.state = 'answered'");
        break;
      case 'awaiting':
        select.andWhere("hit.state = 'awaiting' AND hit.answerBy > :now", { now: query.now });
        break;
      case 'overdue':
        select.andWhere("(hit.state = 'overdue' OR (hit.state = 'awaiting' AND hit.answerBy <= :now))", {
          now: query.now,
        });
        break;
    }
    if (query.before) select.andWhere('hit.id < :before', { before: query.before });
    return select.orderBy('hit.id', 'DESC').take(query.limit).getMany();
  }

  /** Records the answer unless one is there already: false when the hit was answered first. */
  async answer(manager: EntityManager, id: string, direction: HitDirection, answer: HitAnswerRecord): Promise<boolean> {
    const result = await manager.update(
      HitEntity,
      { id, direction, state: Not('answered') },
      { state: 'answered', answer },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Awaited hits past answerBy, at most `limit`, marked overdue; returns them as they were. */
  async markOverdue(manager: EntityManager, now: string, limit: number): Promise<HitEntity[]> {
    const due = await manager.getRepository(HitEntity).find({
      where: { state: 'awaiting', answerBy: LessThanOrEqual(now) },
      order: { answerBy: 'ASC' },
      take: limit,
    });
    if (due.length > 0)
      await manager.update(HitEntity, { id: In(due.map((row) => row.id)), state: 'awaiting' }, { state: 'overdue' });
    return due;
  }
}

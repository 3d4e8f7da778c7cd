import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { IsNull, LessThanOrEqual, Not, type FindOptionsWhere, type Repository } from 'typeorm';
import { REQUEST_PAGE_SIZE, type RequestListQueryDto, type TrackedRequestDto } from './request.dto';
import { TrackedRequestEntity } from './tracked-request.entity';

/** GET /api/requests: the queries and requests received here, due first. */
@Injectable()
export class RequestService {
  constructor(
    @InjectRepository(TrackedRequestEntity) private readonly requests: Repository<TrackedRequestEntity>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(query: RequestListQueryDto): Promise<TrackedRequestDto[]> {
    const now = this.clock.now().toISOString();
    const where = whereState(query.state ?? 'open', now);
    const rows = await this.requests.find({
      where,
      order: { dueAt: 'ASC', id: 'ASC' },
      take: query.limit ?? REQUEST_PAGE_SIZE,
    });
    return rows.map((row) => ({
      ...row,
      state: row.answeredAt !== null ? 'answered' : row.dueAt <= now ? 'overdue' : 'open',
    }));
  }
}

function whereState(
  state: NonNullable<RequestListQueryDto['state']>,
  now: string,
): FindOptionsWhere<TrackedRequestEntity> {
  switch (state) {
    // Everything still to answer, the overdue ones first (due first).
    case 'open':
      return { answeredAt: IsNull() };
    case 'overdue':
      return { answeredAt: IsNull(), dueAt: LessThanOrEqual(now) };
    case 'answered':
      return { answeredAt: Not(IsNull()) };
    case 'escalated':
      return { answeredAt: IsNull(), escalatedAt: Not(IsNull()) };
  }
}

import { Injectable } from '@nestjs/common';
import { DomainError } from '@bureaunet/contracts';
import type { CheckLogEntity } from '../store/check-log.entity';
import { CheckLogRepository } from '../store/check-log.repository';
import { DEFAULT_CHECK_PAGE, type CheckLogDto, type CheckLogPageDto, type CheckLogQueryDto } from './check-log.dto';

/** The check log read back: the list, and one check (the hit procedure's answer joins it there). */
@Injectable()
export class CheckLogService {
  constructor(private readonly checks: CheckLogRepository) {}

  async list(query: CheckLogQueryDto): Promise<CheckLogPageDto> {
    const limit = query.limit ?? DEFAULT_CHECK_PAGE;
    const rows = await this.checks.listNewestFirst({ limit, before: query.before });
    const items = rows.map(checkLogView);
    return { items, next: items.length === limit ? (items[items.length - 1]?.id ?? null) : null };
  }

  async get(id: string): Promise<CheckLogDto> {
    const row = await this.checks.findById(id);
    if (!row) throw new DomainError('check-not-found', `no check ${id} was made here`, 'not-found');
    return checkLogView(row);
  }
}

export function checkLogView(row: CheckLogEntity): CheckLogDto {
  return {
    id: row.id,
    kind: row.kind,
    checkedAt: row.checkedAt,
    actor: row.actor,
    place: row.place,
    outcome: row.outcome,
    issuingCountry: row.issuingCountry,
    matched: row.matched ?? null,
    hitId: row.hitId,
  };
}

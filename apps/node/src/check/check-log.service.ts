import { Injectable } from '@nestjs/common';
import { DomainError } from '@bureaunet/contracts';
import type { CheckLogEntity } from '../store/check-log.entity';
import { HitProcedure } from '../hit/hit.procedure';
import { CheckLogRepository } from '../store/check-log.repository';
import {
  DEFAULT_CHECK_PAGE,
  type CheckDetailDto,
  type CheckLogDto,
  type CheckLogPageDto,
  type CheckLogQueryDto,
} from './check-log.dto';

/** The check log read back: the list, and one check (the hit procedure's answer joins it there). */
@Injectable()
export class CheckLogService {
  constructor(
    private readonly checks: CheckLogRepository,
    private readonly hits: HitProcedure,
  ) {}

  async list(query: CheckLogQueryDto): Promise<CheckLogPageDto> {
    const limit = query.limit ?? DEFAULT_CHECK_PAGE;
    const rows = await this.checks.listNewestFirst({ limit, before: query.before });
    const items = rows.map(checkLogView);
    return { items, next: items.length === limit ? (items[items.length - 1]?.id ?? null) : null };
  }

  /** One check with the state of each hit it started: the countdown while the owner has not answered, then the answer. */
  async get(id: string): Promise<CheckDetailDto> {
    const row = await this.checks.findById(id);
    if (!row) throw new DomainError('check-not-found', `no check ${id} was made here`, 'not-found');
    const hits = [];
    for (const hitId of hitIdsOf(row)) {
      const status = await this.hits.status(hitId);
      if (status) hits.push({ hitId, ...status });
    }
    return { ...checkLogView(row), hits };
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

/** The document check's hit, or each notified person match's (matched[].hitId). */
function hitIdsOf(row: CheckLogEntity): string[] {
  const ids = new Set<string>(row.hitId ? [row.hitId] : []);
  if (Array.isArray(row.matched))
    for (const match of row.matched as { hitId?: unknown }[])
      if (typeof match?.hitId === 'string') ids.add(match.hitId);
  return [...ids];
}

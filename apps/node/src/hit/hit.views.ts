import type { HitEntity } from '../store/hit.entity';
import { effectiveHitState, remainingMs } from '../store/hit.state';
import type { HitDto, HitStatus } from './hit.dto';

/** The countdown while awaited, then the answer (or overdue). */
export function hitStatus(row: HitEntity, now: Date): HitStatus {
  const state = effectiveHitState(row, now);
  return {
    state,
    answerBy: row.answerBy,
    remainingMs: state === 'awaiting' ? remainingMs(row.answerBy, now) : 0,
    answer: row.answer,
  };
}

export function hitView(row: HitEntity, now: Date): HitDto {
  return {
    id: row.id,
    direction: row.direction,
    checkId: row.checkId,
    counterpart: row.counterpart,
    hit: row.hit,
    checkedAt: row.checkedAt,
    place: row.place,
    createdAt: row.createdAt,
    ...hitStatus(row, now),
  };
}

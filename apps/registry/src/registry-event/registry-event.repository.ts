import { Injectable } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import type { RegistryEvent } from '@bureaunet/contracts';
import { RegistryEventEntity } from './registry-event.entity';

/** Outbox rows; every method runs on the manager of a SerialWriter transaction. */
@Injectable()
export class RegistryEventRepository {
  async insert(manager: EntityManager, event: RegistryEvent): Promise<void> {
    await manager.insert(RegistryEventEntity, {
      id: event.id,
      type: event.type,
      code: event.code ?? null,
      data: JSON.stringify(event.data),
      occurredAt: event.occurredAt,
      publishedAt: null,
    });
  }

  /** The oldest events not yet acknowledged by JetStream. */
  async unpublished(manager: EntityManager, limit: number): Promise<Array<{ seq: number; event: RegistryEvent }>> {
    const rows = await manager.find(RegistryEventEntity, {
      where: { publishedAt: IsNull() },
      order: { seq: 'ASC' },
      take: limit,
    });
    return rows.map((row) => ({ seq: row.seq, event: toEvent(row) }));
  }

  async markPublished(manager: EntityManager, seqs: readonly number[], at: Date): Promise<void> {
    if (seqs.length > 0)
      await manager.update(RegistryEventEntity, { seq: In([...seqs]) }, { publishedAt: at.toISOString() });
  }
}

function toEvent(row: RegistryEventEntity): RegistryEvent {
  const event: RegistryEvent = {
    v: 1,
    id: row.id,
    type: row.type,
    occurredAt: row.occurredAt,
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
  if (row.code !== null) event.code = row.code;
  return event;
}

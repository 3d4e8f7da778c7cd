import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LedgerEntryEntity } from './ledger-entry.entity';

export type LedgerEventType = 'submission-accepted' | 'submission-refused' | 'submission-duplicate' | 'delivery' | 'recipient-refused' | 'receipt';

export interface LedgerEvent {
  type: LedgerEventType;
  envelopeId: string | null;
  at: Date;
  data: Record<string, unknown>;
}

/**
 * Appends events inside the caller's transaction, so an event is durable exactly when what it
 * records is. One multi-row INSERT per call keeps the libuv pool free under crypto load.
 */
@Injectable()
export class LedgerRecorder {
  async append(manager: EntityManager, events: readonly LedgerEvent[]): Promise<void> {
    if (events.length === 0) return;
    await manager.insert(
      LedgerEntryEntity,
      events.map((event) => ({ type: event.type, envelopeId: event.envelopeId, at: event.at.toISOString(), data: JSON.stringify(event.data) })),
    );
  }
}

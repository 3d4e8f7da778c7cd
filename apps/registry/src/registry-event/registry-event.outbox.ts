import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { BureauCode, RegistryEvent, RegistryEventType } from '@bureaunet/contracts';
import { CLOCK, type Clock } from '@bureaunet/platform';
import type { EntityManager } from 'typeorm';
import { RegistryEventPublisher } from './registry-event.publisher';
import { RegistryEventRepository } from './registry-event.repository';

export interface RegistryChange {
  type: RegistryEventType;
  /** The bureau concerned, when there is one. */
  code?: BureauCode;
  /** Metadata and digests only (versions, serials, fingerprints, digests of rules): it lands in the ledger as is. */
  data: Record<string, unknown>;
}

/**
 * Call inside the transaction that makes a registry change: the event is durable exactly when the
 * change is, and reaches the gateway's ledger at least once (exactly once there, by its id).
 */
@Injectable()
export class RegistryEventOutbox {
  constructor(
    private readonly events: RegistryEventRepository,
    private readonly publisher: RegistryEventPublisher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(manager: EntityManager, change: RegistryChange): Promise<RegistryEvent> {
    const event: RegistryEvent = {
      v: 1,
      id: randomUUID(),
      type: change.type,
      occurredAt: this.clock.now().toISOString(),
      data: change.data,
    };
    if (change.code !== undefined) event.code = change.code;
    await this.events.insert(manager, event);
    this.publisher.kick();
    return event;
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RegistryEvent, RegistryEventType } from '@bureaunet/contracts';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, Clock } from '@bureaunet/platform';
import { LedgerRecorder } from './ledger.recorder';
import { RecordedRegistryEventEntity } from './recorded-registry-event.entity';

/** One ledger entry per registry event id, however many times the stream delivers it. */
@Injectable()
export class RegistryEventRecorder {
  private readonly logger = new Logger(RegistryEventRecorder.name);

  constructor(
    private readonly writer: SerialWriter,
    private readonly ledger: LedgerRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Resolves once the entry is durable (or was already): only then may the message be acked. */
  async record(event: RegistryEvent): Promise<void> {
    const recorded = await this.writer.transaction(async (manager) => {
      if (await manager.findOneBy(RecordedRegistryEventEntity, { eventId: event.id })) return false;
      const now = this.clock.now();
      const data: Record<string, unknown> = {
        registryEventId: event.id,
        occurredAt: event.occurredAt,
        details: event.data,
      };
      if (event.code !== undefined) data.code = event.code;
      // The wire admits types this gateway may not know yet: recorded under their own name all the same.
      const appended = await this.ledger.appendAndLocate(manager, [
        { type: event.type as RegistryEventType, envelopeId: null, at: now, data },
      ]);
      await manager.insert(RecordedRegistryEventEntity, {
        eventId: event.id,
        leafIndex: appended.firstIndex,
        recordedAt: now.toISOString(),
      });
      return true;
    });
    if (!recorded) this.logger.log(`registry event ${event.id} (${event.type}) is already in the ledger`);
  }
}

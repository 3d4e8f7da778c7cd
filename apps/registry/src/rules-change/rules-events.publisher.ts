import { Injectable, Logger } from '@nestjs/common';
import { RULES_CHANGED_SUBJECT, type RulesChangedEvent } from '@bureaunet/contracts';
import { BusClient } from '@bureaunet/transport';

/** Announces a new rules version after its commit; a lost event is repaired by the heartbeat's rulesVersion. */
@Injectable()
export class RulesEventsPublisher {
  private readonly logger = new Logger(RulesEventsPublisher.name);

  constructor(private readonly bus: BusClient) {}

  changed(event: RulesChangedEvent): void {
    try {
      this.bus.emit(RULES_CHANGED_SUBJECT, event);
    } catch (error) {
      // Committed whatever happens here: the heartbeat carries the version to whoever missed it.
      this.logger.error(
        `cannot publish rules version ${event.version}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

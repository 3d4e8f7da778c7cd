import { Injectable, Logger } from '@nestjs/common';
import {
  DIRECTORY_CHANGED_SUBJECT,
  DIRECTORY_HEARTBEAT_SUBJECT,
  type DirectoryChangedEvent,
  type DirectoryHeartbeat,
} from '@bureaunet/contracts';
import { BusClient } from '@bureaunet/transport';

/**
 * Core NATS events, at most once. A lost change event is repaired by the next heartbeat: it
 * carries the directory version, and a listener that sees a newer one than it holds re-reads.
 */
@Injectable()
export class DirectoryEventsPublisher {
  private readonly logger = new Logger(DirectoryEventsPublisher.name);

  private readonly listeners = new Set<(event: DirectoryChangedEvent) => void>();

  constructor(private readonly bus: BusClient) {}

  /** Called after the change has committed, never inside its transaction. */
  changed(event: DirectoryChangedEvent): void {
    this.publish(DIRECTORY_CHANGED_SUBJECT, event);
    for (const listener of this.listeners) listener(event);
  }

  /** In-process listeners (status statements), told after each committed change; returns the way to stop. */
  onChange(listener: (event: DirectoryChangedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  heartbeat(beat: DirectoryHeartbeat): void {
    this.publish(DIRECTORY_HEARTBEAT_SUBJECT, beat);
  }

  // The change is committed whatever happens here: report a failed publish, do not undo it.
  private publish(subject: string, body: DirectoryChangedEvent | DirectoryHeartbeat): void {
    try {
      this.bus.emit(subject, body);
    } catch (error) {
      this.logger.error(
        `cannot publish on ${subject} ${JSON.stringify(body)}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

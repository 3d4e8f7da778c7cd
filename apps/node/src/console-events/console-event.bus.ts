import { Injectable } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import type { ConsoleEvent } from './console-event';

/**
 * The node's in-process feed of console events: services publish after their commit; the events
 * controller streams them to each open console. Nothing is kept: a console that was closed reloads
 * its lists from the API, so an event is a hint to refresh, never the record.
 */
@Injectable()
export class ConsoleEventBus {
  private readonly events = new Subject<ConsoleEvent>();

  publish(event: ConsoleEvent): void {
    this.events.next(event);
  }

  stream(): Observable<ConsoleEvent> {
    return this.events.asObservable();
  }
}

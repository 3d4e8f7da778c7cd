import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Request, Response } from 'express';
import { filter } from 'rxjs';
import { actorOf, PERSON_AUTHENTICATOR, type Caller, type PersonAuthenticator } from '@bureaunet/platform';
import { DEFAULT_EVENT_STREAM_LIMITS, NODE_CONFIG, type EventStreamLimits, type NodeConfig } from '../node.config';
import { ConsoleEventBus } from './console-event.bus';
import { hears } from './console-event.audience';
import type { ConsoleEvent } from './console-event';
import { EventStreamLimiter } from './event-stream.limiter';

/** One open stream: how to end it from here (session gone, node stopping). */
interface OpenStream {
  end(reason: string): void;
}

/**
 * The consoles' live feed: each open GET /api/events gets the bus's events its person's roles hear,
 * as server-sent events, and a heartbeat comment every heartbeatMs. At each heartbeat a person's
 * credentials are checked again, so a stream ends (event `session-ended`) once the session is
 * signed out, expired, or the API token revoked. Bounded per node and per person.
 */
@Injectable()
export class EventStreamService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(EventStreamService.name);
  private readonly limits: EventStreamLimits;
  private readonly limiter: EventStreamLimiter;
  private readonly open = new Set<OpenStream>();

  constructor(
    private readonly bus: ConsoleEventBus,
    @Inject(NODE_CONFIG) config: NodeConfig,
    @Optional() @Inject(PERSON_AUTHENTICATOR) private readonly persons?: PersonAuthenticator,
  ) {
    this.limits = config.events ?? DEFAULT_EVENT_STREAM_LIMITS;
    this.limiter = new EventStreamLimiter(this.limits);
  }

  /** Refuses (throws, before any byte is written) past a bound; otherwise streams until closed. */
  serve(request: Request, response: Response, caller: Caller): void {
    const release = this.limiter.open(actorOf(caller));
    const roles = caller.kind === 'person' ? caller.person.roles : [caller.role];
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // A reverse proxy must pass each event on at once, not buffer the stream.
      'x-accel-buffering': 'no',
    });
    // The browser reconnects after 5 s when the stream drops; then the console reloads its lists.
    response.write(`retry: 5000\n: connected\n\n`);
    const subscription = this.bus
      .stream()
      .pipe(filter((event) => hears(roles, event.name)))
      .subscribe((event) => {
        // A console that stops reading must not make the node buffer its events without end: past
        // the bound the stream ends, and the browser reconnects and reloads its lists.
        if (response.writableLength > MAX_UNREAD_BYTES) stream.end('too-slow');
        else write(response, event);
      });
    const heartbeat = setInterval(() => void this.beat(request, response, caller, stream), this.limits.heartbeatMs);
    const stream: OpenStream = {
      end: (reason) => {
        if (!this.open.delete(stream)) return;
        subscription.unsubscribe();
        clearInterval(heartbeat);
        release();
        if (!response.writableEnded) response.end(`event: session-ended\ndata: ${JSON.stringify({ reason })}\n\n`);
      },
    };
    this.open.add(stream);
    request.on('close', () => stream.end('closed'));
  }

  beforeApplicationShutdown(): void {
    for (const stream of [...this.open]) stream.end('node-stopping');
  }

  private async beat(request: Request, response: Response, caller: Caller, stream: OpenStream): Promise<void> {
    if (caller.kind === 'person' && !(await this.stillSignedIn(request, caller))) return stream.end('session-ended');
    response.write(': heartbeat\n\n');
  }

  // The same check RoleGuard made when the stream opened (a session signed out, expired or a token revoked
  // fails it), without touching the session: an open console alone must not defeat the idle expiry.
  private async stillSignedIn(request: Request, caller: Extract<Caller, { kind: 'person' }>): Promise<boolean> {
    try {
      const person = await this.persons?.authenticate(request, { touch: false });
      return person?.personId === caller.person.personId;
    } catch (error) {
      this.logger.debug(
        `event stream of ${caller.person.username} ends: ${error instanceof Error ? error.message : String(error)}`,
      );
      return false;
    }
  }
}

const MAX_UNREAD_BYTES = 1024 * 1024;

function write(response: Response, event: ConsoleEvent): void {
  response.write(`event: ${event.name}\ndata: ${JSON.stringify(event.data)}\n\n`);
}

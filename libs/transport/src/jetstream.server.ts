import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { NatsContext, Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import type { WireReply } from '@bureaunet/contracts';
import { lastValueFrom } from 'rxjs';
import {
  JetStreamConsumerRunner,
  type DeadLetterHook,
  type DeadLetterPolicy,
  type JetStreamConsumerOptions,
} from './jetstream.consumer-runner';
import type { JetStreamContext } from './jetstream.context';
import { ensureStreams, type StreamTopologyOptions } from './jetstream.topology';
import { describeError, stackOf } from './error-text';
import { BAD_REQUEST_CODE, decodeJson, encodeJson, INTERNAL_ERROR_CODE, toWireError } from './wire-reply.codec';

export const JETSTREAM_TRANSPORT = Symbol('JETSTREAM_TRANSPORT');

export interface JetStreamServerOptions {
  /** The process's shared connection (TransportModule's NATS_CONNECTION); not closed by the server. */
  connection: () => Promise<NatsConnection> | NatsConnection;
  consumers: JetStreamConsumerOptions[];
  /** Queue group of the @MessagePattern subscriptions; default the subject itself. */
  queue?: string;
  /** On close, how long running handlers may take to finish before their messages are given back. Default 10 s. */
  shutdownGraceMs?: number;
  streams?: StreamTopologyOptions;
  /**
   * Create/update the streams at start (default). A node under broker isolation may not: the
   * registry and the gateway keep the streams, the node only reads its own consumer.
   */
  manageStreams?: boolean;
  /**
   * Runs after the streams are ensured: at start and before each reopen (the server may have lost
   * its store). The gateway provisions the bureaus' consumers here, so they come back with the streams.
   */
  streamsReady?: () => Promise<void>;
  /**
   * Where a message goes after `deadLetterAfter` failed deliveries, instead of being retried for
   * ever: it is acked once this resolves (stored durably), nak'ed again when it rejects. Without a
   * hook, failures are retried without end.
   */
  deadLetter?: DeadLetterHook;
  /** Failed deliveries before a message is parked; default 5 (with the backoff: about 15 s). */
  deadLetterAfter?: number;
}

export type JetStreamServerEvents = {
  /** The server confirmed the ack of a handled message. */
  acked: (context: JetStreamContext) => void;
  /** A handler failed; the message was nak'ed for a later redelivery. */
  nacked: (context: JetStreamContext, error: unknown) => void;
  /** A message that failed `deadLetterAfter` times was stored by the dead-letter hook and acked. */
  parked: (context: JetStreamContext, error: unknown) => void;
};

export type JetStreamServerStatus = 'consuming' | 'closed';

const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;
export const DEFAULT_DEAD_LETTER_AFTER = 5;

/**
 * Nest transport strategy: @EventPattern(pattern ?? filterSubject) handlers consume durable JetStream consumers
 * (ack after success, nak with backoff after a failure); @MessagePattern handlers answer core NATS
 * requests with a WireReply.
 */
export class JetStreamServer
  extends Server<JetStreamServerEvents, JetStreamServerStatus>
  implements CustomTransportStrategy
{
  override transportId = JETSTREAM_TRANSPORT;
  private readonly log = new Logger(JetStreamServer.name);
  private readonly events = new EventEmitter();
  private connection: NatsConnection | undefined;
  private runners: JetStreamConsumerRunner[] = [];
  private subscriptions: Subscription[] = [];

  constructor(private readonly options: JetStreamServerOptions) {
    super();
  }

  /** Calls back once every consumer exists and is consuming and every request handler is subscribed. */
  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.start();
    } catch (error) {
      await this.close();
      callback(error);
      return;
    }
    this._status$.next('consuming');
    callback();
  }

  /** Stops consuming and unsubscribes; the shared connection stays open (TransportModule drains it). */
  async close(): Promise<void> {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.subscriptions = [];
    const grace = this.options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
    await Promise.all(this.runners.map((runner) => runner.stop(grace)));
    this.runners = [];
    this._status$.next('closed');
  }

  on<
    EventKey extends keyof JetStreamServerEvents = keyof JetStreamServerEvents,
    EventCallback extends JetStreamServerEvents[EventKey] = JetStreamServerEvents[EventKey],
  >(event: EventKey, callback: EventCallback): void {
    this.events.on(event, callback);
  }

  unwrap<T>(): T {
    if (!this.connection) throw new Error('JetStreamServer is not listening yet: no connection to unwrap');
    return this.connection as T;
  }

  private async start(): Promise<void> {
    const connection = await this.options.connection();
    this.connection = connection;
    this.checkEventHandlers();
    // Checking the API costs `$JS.API.INFO`, which a node's broker user may not publish.
    const jsm = await jetstreamManager(connection, { checkAPI: this.options.manageStreams !== false });
    await this.ensureTopology(jsm);
    this.subscribeRequestHandlers(connection);
    this.runners = this.options.consumers.map((consumer) => this.createRunner(consumer, jsm));
    await Promise.all(this.runners.map((runner) => runner.start()));
  }

  private async ensureTopology(jsm: JetStreamManager): Promise<void> {
    if (this.options.manageStreams === false) return;
    await ensureStreams(jsm, this.options.streams);
    await this.options.streamsReady?.();
  }

  private checkEventHandlers(): void {
    const consumed = new Set(this.options.consumers.map(patternOf));
    for (const consumer of this.options.consumers) {
      if (!this.getHandlerByPattern(patternOf(consumer))?.isEventHandler) {
        throw new Error(`consumer ${consumer.durable} has no @EventPattern('${patternOf(consumer)}') handler`);
      }
    }
    for (const [pattern, handler] of this.messageHandlers) {
      if (handler.isEventHandler && !consumed.has(pattern)) {
        this.log.warn(`@EventPattern('${pattern}') matches no JetStream consumer: it never runs on this transport`);
      }
    }
  }

  private createRunner(consumer: JetStreamConsumerOptions, jsm: JetStreamManager): JetStreamConsumerRunner {
    const handler = this.getHandlerByPattern(patternOf(consumer)) as MessageHandler;
    return new JetStreamConsumerRunner(consumer, jsm.jetstream(), jsm, {
      prepare: () => this.ensureTopology(jsm),
      connectionClosed: () => this.connection?.isClosed() ?? true,
      dispatch: async (data, context) => {
        await this.settle(handler(data, context), undefined);
      },
      acked: (context) => this.notify('acked', context),
      nacked: (context, error) => this.notify('nacked', context, error),
      deadLetter: this.deadLetterPolicy(),
      parked: (context, error) => this.notify('parked', context, error),
    });
  }

  private deadLetterPolicy(): DeadLetterPolicy | undefined {
    const { deadLetter, deadLetterAfter } = this.options;
    if (!deadLetter) return undefined;
    const afterAttempts = deadLetterAfter ?? DEFAULT_DEAD_LETTER_AFTER;
    if (!Number.isInteger(afterAttempts) || afterAttempts < 1)
      throw new Error(`deadLetterAfter must be a whole number of attempts >= 1, not ${afterAttempts}`);
    return { store: deadLetter, afterAttempts };
  }

  /** A failing listener must not disturb the ack or nak it is told about. */
  private notify(event: keyof JetStreamServerEvents, ...args: unknown[]): void {
    try {
      this.events.emit(event, ...args);
    } catch (error) {
      this.log.error(`a '${event}' listener failed: ${describeError(error)}`, stackOf(error));
    }
  }

  private subscribeRequestHandlers(connection: NatsConnection): void {
    for (const [pattern, handler] of this.messageHandlers) {
      if (handler.isEventHandler) continue;
      const extrasQueue: unknown = handler.extras?.['queue'];
      const queue = typeof extrasQueue === 'string' ? extrasQueue : (this.options.queue ?? pattern);
      const subscription = connection.subscribe(pattern, {
        queue,
        callback: (error, msg) => {
          if (error) this.log.error(`subscription to ${pattern} ended: ${error.message}`);
          else void this.respond(pattern, handler, msg);
        },
      });
      this.subscriptions.push(subscription);
    }
  }

  private async respond(pattern: string, handler: MessageHandler, msg: Msg): Promise<void> {
    const reply = await this.answer(pattern, handler, msg);
    if (!this.sendReply(msg, reply)) this.sendReply(msg, failure(INTERNAL_ERROR_CODE, 'the reply could not be sent'));
  }

  /** A reply can fail to encode (a BigInt, a cycle) or exceed max_payload. */
  private sendReply(msg: Msg, reply: WireReply<unknown>): boolean {
    try {
      msg.respond(encodeJson(reply));
      return true;
    } catch (error) {
      this.log.error(`cannot reply on ${msg.subject}: ${describeError(error)}`, stackOf(error));
      return false;
    }
  }

  private async answer(pattern: string, handler: MessageHandler, msg: Msg): Promise<WireReply<unknown>> {
    const body = decodeJson(msg.data);
    if (!body.ok) return failure(BAD_REQUEST_CODE, `the request body is not JSON: ${body.reason}`);
    try {
      const context = new NatsContext([msg.subject, msg.headers]);
      return { ok: true, data: (await this.settle(handler(body.value, context), null)) ?? null };
    } catch (error) {
      const wire = toWireError(error);
      if (wire.code === INTERNAL_ERROR_CODE)
        this.log.error(`${pattern} failed: ${describeError(error)}`, stackOf(error));
      else this.log.debug(`${pattern} refused: ${wire.code}: ${wire.reason}`);
      return { ok: false, error: wire };
    }
  }

  /** A Nest handler returns a promise of a value or of an Observable (which errors when the handler threw). */
  private settle<T>(result: Promise<unknown>, defaultValue: T): Promise<unknown> {
    const stream = this.transformToObservable<unknown>(result);
    return lastValueFrom(stream, { defaultValue });
  }
}

function patternOf(consumer: JetStreamConsumerOptions): string {
  return consumer.pattern ?? consumer.filterSubject;
}

function failure(code: string, reason: string): WireReply<never> {
  return { ok: false, error: { code, reason } };
}

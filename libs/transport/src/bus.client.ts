import { Inject, Injectable, Logger } from '@nestjs/common';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { errors, RequestError, type Msg, type NatsConnection } from '@nats-io/transport-node';
import { describeError, stackOf } from './error-text';
import { NATS_CONNECTION } from './nats-connection.provider';
import { NatsConnectionState } from './nats-connection.state';
import { decodeJson, encodeJson, parseWireReply, UNAVAILABLE_CODE } from './wire-reply.codec';
import { WireRequestError } from './wire-request.error';

export interface PublishResult {
  /** Stream sequence of the stored message (of the first copy when `duplicate`). */
  seq: number;
  /**
   * The stream already held this msgId within its duplicate window: nothing new was stored. Also true
   * when an earlier attempt of the same call was stored but its PubAck was lost (then retried).
   */
  duplicate: boolean;
}

const PUBLISH_TIMEOUT_MS = 5_000;
const PUBLISH_RETRY_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000];
const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;

/** Publishes to JetStream, sends requests and core events over the shared connection. */
@Injectable()
export class BusClient {
  private readonly logger = new Logger(BusClient.name);
  private readonly js: JetStreamClient;
  private readonly state: NatsConnectionState;

  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {
    this.js = jetstream(connection, { timeout: PUBLISH_TIMEOUT_MS });
    this.state = new NatsConnectionState(connection);
  }

  /** Whether the connection is up now (a publish made while it is down waits for it, then retries). */
  get isUp(): boolean {
    return this.state.isUp;
  }

  /**
   * Resolves once the stream has stored the message (PubAck); a retry of the same msgId is
   * deduplicated. `logAs` names the message in a retry's log line instead of its subject and msgId,
   * for subjects that carry a value no log may hold (a replica entry's index).
   */
  async publish(
    subject: string,
    data: Uint8Array | string,
    options: { msgId: string; logAs?: string },
  ): Promise<PublishResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        if (!(await this.state.whenUp(PUBLISH_TIMEOUT_MS))) throw new errors.TimeoutError();
        const ack = await this.js.publish(subject, data, { msgID: options.msgId });
        return { seq: ack.seq, duplicate: ack.duplicate };
      } catch (error) {
        const delayMs = PUBLISH_RETRY_DELAYS_MS[attempt];
        if (delayMs === undefined || !isTransient(error)) throw error;
        const what = options.logAs ?? `to ${subject} (${options.msgId})`;
        this.logger.warn(`publish ${what} not acknowledged, retrying: ${transientReason(error)}`);
        await sleep(delayMs);
      }
    }
  }

  /** Request/reply with JSON bodies; a refusal or an absent responder throws WireRequestError. */
  async request<T>(subject: string, body: unknown, options: { timeoutMs?: number } = {}): Promise<T> {
    let reply: Msg;
    try {
      reply = await this.connection.request(subject, encodeJson(body), {
        timeout: options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      });
    } catch (error) {
      if (isTransient(error)) throw new WireRequestError(UNAVAILABLE_CODE, transientReason(error), subject);
      throw error;
    }
    const parsed = parseWireReply<T>(reply.data);
    if (!parsed.ok) throw new WireRequestError(parsed.error.code, parsed.error.reason, subject);
    return parsed.data;
  }

  /** Core NATS publish, at most once: for events whose loss a heartbeat or a later event repairs. */
  emit(subject: string, body: unknown): void {
    this.connection.publish(subject, encodeJson(body));
  }

  /** Core subscription to JSON events; returns the unsubscribe. */
  subscribe(subject: string, handler: (body: unknown) => void | Promise<void>): () => void {
    const subscription = this.connection.subscribe(subject, {
      callback: (error, msg) => {
        if (error) {
          this.logger.error(`subscription to ${subject} ended: ${error.message}`, error.stack);
          return;
        }
        this.deliverEvent(msg, handler);
      },
    });
    return () => subscription.unsubscribe();
  }

  private deliverEvent(msg: Msg, handler: (body: unknown) => void | Promise<void>): void {
    const decoded = decodeJson(msg.data);
    if (!decoded.ok) {
      this.logger.error(`event on ${msg.subject} is not JSON, dropped: ${decoded.reason}`);
      return;
    }
    const fail = (error: unknown) =>
      this.logger.error(`event handler for ${msg.subject} failed: ${describeError(error)}`, stackOf(error));
    try {
      void Promise.resolve(handler(decoded.value)).catch(fail);
    } catch (error) {
      fail(error);
    }
  }
}

/** Timeouts and "no responders" (a server restarting, JetStream not ready yet, no service up). */
function isTransient(error: unknown): boolean {
  if (error instanceof errors.TimeoutError || error instanceof errors.NoRespondersError) return true;
  if (error instanceof RequestError) return error.isNoResponders() || error.cause instanceof errors.TimeoutError;
  // How @nats-io/jetstream reports "no responders" on a publish.
  return error instanceof Error && error.name === 'JetStreamNotEnabled';
}

function transientReason(error: unknown): string {
  const timedOut =
    error instanceof errors.TimeoutError || (error instanceof Error && error.cause instanceof errors.TimeoutError);
  return timedOut ? 'timeout' : 'no responders';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

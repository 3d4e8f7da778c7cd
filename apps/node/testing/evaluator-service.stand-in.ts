import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import {
  EVALUATE_SUBJECT_WILDCARD,
  EVALUATOR_KEY_SUBJECT,
  EVALUATOR_QUEUE,
  evaluateRequestSchema,
  evaluatorKeyId,
  type WireReply,
} from '@bureaunet/contracts';
import type { KeyPair, Poprf } from '@bureaunet/oprf';

/** How the stand-in answers: as an honest evaluator, or one of the ways a node must not be fooled. */
export type EvaluatorServiceMode =
  | { kind: 'honest'; key: KeyPair }
  /** Names `claimed` as its key (and its keyId on every answer) but evaluates with `used`. */
  | { kind: 'lying'; claimed: KeyPair; used: KeyPair }
  | { kind: 'refusing'; code: string; reason: string };

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/**
 * Stands in for the hub's evaluator service (apps/evaluator) on a real broker, with the real POPRF and a key the test
 * chooses, so a node's client can be shown a changed key or a lying proof. Records each asking
 * subject.
 */
export class EvaluatorServiceStandIn {
  readonly subjects: string[] = [];
  private readonly subscriptions: Subscription[];

  /** Subscribed and known to the server (flushed), so a request sent next finds it. */
  static async start(
    connection: NatsConnection,
    poprf: Poprf,
    mode: EvaluatorServiceMode,
  ): Promise<EvaluatorServiceStandIn> {
    const standIn = new EvaluatorServiceStandIn(connection, poprf, mode);
    await connection.flush();
    return standIn;
  }

  private constructor(
    private readonly connection: NatsConnection,
    private readonly poprf: Poprf,
    public mode: EvaluatorServiceMode,
  ) {
    this.subscriptions = [
      connection.subscribe(EVALUATOR_KEY_SUBJECT, {
        queue: EVALUATOR_QUEUE,
        callback: (_error, msg) => {
          msg.respond(JSON.stringify(this.keyReply()));
        },
      }),
      connection.subscribe(EVALUATE_SUBJECT_WILDCARD, {
        queue: EVALUATOR_QUEUE,
        callback: (_error, msg) => {
          this.subjects.push(msg.subject);
          msg.respond(JSON.stringify(this.evaluateReply(JSON.parse(new TextDecoder().decode(msg.data)))));
        },
      }),
    ];
  }

  /** Unsubscribed at the server (flushed), so a request sent next finds no responder. */
  async stop(): Promise<void> {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    await this.connection.flush();
  }

  private keyReply(): WireReply<unknown> {
    const mode = this.mode;
    if (mode.kind === 'refusing') return { ok: false, error: { code: mode.code, reason: mode.reason } };
    const key = mode.kind === 'honest' ? mode.key : mode.claimed;
    return { ok: true, data: { keyId: evaluatorKeyId(key.publicKey), publicKey: b64(key.publicKey) } };
  }

  private evaluateReply(body: unknown): WireReply<unknown> {
    const mode = this.mode;
    if (mode.kind === 'refusing') return { ok: false, error: { code: mode.code, reason: mode.reason } };
    const request = evaluateRequestSchema.parse(body);
    const named = mode.kind === 'honest' ? mode.key : mode.claimed;
    const used = mode.kind === 'honest' ? mode.key : mode.used;
    const { evaluatedElements, proof } = this.poprf.blindEvaluateBatch({
      serverSecretKey: used.secretKey,
      blindedElements: request.blindedElements.map((element) => new Uint8Array(Buffer.from(element, 'base64url'))),
      info: new TextEncoder().encode(request.info),
    });
    return {
      ok: true,
      data: {
        keyId: evaluatorKeyId(named.publicKey),
        evaluatedElements: evaluatedElements.map(b64),
        proof: b64(proof),
      },
    };
  }
}

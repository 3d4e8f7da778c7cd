import { Inject, Injectable } from '@nestjs/common';
import {
  BORDER_CHECK_LIMITS,
  evaluateReplySchema,
  evaluateSubject,
  schemaIssues,
  type BureauCode,
  type EvaluateReply,
  type EvaluateRequest,
} from '@bureaunet/contracts';
import { OprfError, type BlindResult, type Poprf } from '@bureaunet/oprf';
import { recordPoprfInput, type RecordPoprfInput } from '@bureaunet/travel-document';
import { BusClient, WireRequestError } from '@bureaunet/transport';
import { DEFAULT_EVALUATOR_TIMEOUT_MS, NODE_CONFIG, type NodeConfig } from '../node.config';
import {
  evaluatorBadReply,
  evaluatorKeyChanged,
  evaluatorRateLimited,
  evaluatorUnavailable,
  proofMismatch,
  retryAfterMsOf,
} from './evaluator.errors';
import { EvaluatorKeyPin, type PinnedEvaluatorKey } from './evaluator-key.pin';
import { PoprfLoader } from './poprf.loader';

const base64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

/** Checks of one issuing country waiting while its previous batch is with the evaluator; more are refused. */
export const MAX_WAITING_CHECKS = 4 * BORDER_CHECK_LIMITS.evaluateBatch;

interface WaitingCheck {
  input: RecordPoprfInput;
  resolve: (output: Uint8Array) => void;
  reject: (error: unknown) => void;
}

/** One issuing country's single-number evaluations: one batch with the evaluator at a time, the rest waiting. */
interface Lane {
  waiting: WaitingCheck[];
  busy: boolean;
}
const bytesOf = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64url'));

/**
 * The node's side of the hub's evaluator (docs/checks.md): blinds each document number, asks the
 * evaluator on this bureau's own subject, checks the proof against the pinned evaluator key and
 * unblinds. The evaluator sees only blinded elements and the issuing country.
 */
@Injectable()
export class EvaluatorClient {
  constructor(
    private readonly bus: BusClient,
    private readonly poprf: PoprfLoader,
    private readonly pin: EvaluatorKeyPin,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  private readonly lanes = new Map<BureauCode, Lane>();

  /**
   * The POPRF output (64 bytes) of each normalised document number issued by `issuingCountry`, in
   * order. Refuses with a DomainError whose code is `evaluator-unavailable` (no evaluator answered in
   * time: a 503), `rate-limited` (a 429 with retryAfterMs), or `proof-mismatch` (a 502); also
   * `evaluator-key-changed` (503: the evaluator answers under another key than the pinned one) and
   * `evaluator-bad-reply` (502). A number that is not a document number is refused first, by
   * recordPoprfInput (TravelDocumentError, 400), before anything is sent.
   */
  async outputs(issuingCountry: BureauCode, documentNumbers: readonly string[]): Promise<Uint8Array[]> {
    const inputs = documentNumbers.map((documentNumber) => recordPoprfInput({ documentNumber, issuingCountry }));
    if (inputs.length === 0) return [];
    if (inputs.length === 1) return [await this.coalesced(issuingCountry, inputs[0])];
    const [poprf, key] = await Promise.all([this.poprf.get(), this.pin.current()]);
    const outputs: Uint8Array[] = [];
    // One at a time: a bureau's batches share its rate limit anyway, and the first refusal stops the rest.
    for (let start = 0; start < inputs.length; start += BORDER_CHECK_LIMITS.evaluateBatch) {
      const batch = inputs.slice(start, start + BORDER_CHECK_LIMITS.evaluateBatch);
      outputs.push(...(await this.evaluateBatch(poprf, key, issuingCountry, batch)));
    }
    return outputs;
  }

  /**
   * A single check joins the next batch of its issuing country: while one batch is with the
   * evaluator, the checks that arrive wait and go together as the next (up to the batch limit), so
   * under load one proof and one round trip serve many checks, and an idle node adds no delay.
   */
  private coalesced(issuingCountry: BureauCode, input: RecordPoprfInput): Promise<Uint8Array> {
    let lane = this.lanes.get(issuingCountry);
    if (!lane) this.lanes.set(issuingCountry, (lane = { waiting: [], busy: false }));
    if (lane.waiting.length >= MAX_WAITING_CHECKS)
      return Promise.reject(
        evaluatorUnavailable(
          `${lane.waiting.length} checks of ${issuingCountry} documents are waiting for the evaluator`,
        ),
      );
    const joined = new Promise<Uint8Array>((resolve, reject) => lane.waiting.push({ input, resolve, reject }));
    if (!lane.busy) void this.drain(issuingCountry, lane);
    return joined;
  }

  private async drain(issuingCountry: BureauCode, lane: Lane): Promise<void> {
    lane.busy = true;
    try {
      while (lane.waiting.length > 0) {
        const batch = lane.waiting.splice(0, BORDER_CHECK_LIMITS.evaluateBatch);
        try {
          const [poprf, key] = await Promise.all([this.poprf.get(), this.pin.current()]);
          const outputs = await this.evaluateBatch(
            poprf,
            key,
            issuingCountry,
            batch.map((check) => check.input),
          );
          batch.forEach((check, i) => check.resolve(outputs[i]));
        } catch (error) {
          batch.forEach((check) => check.reject(error));
        }
      }
    } finally {
      lane.busy = false;
      if (lane.waiting.length === 0) this.lanes.delete(issuingCountry);
    }
  }

  private async evaluateBatch(
    poprf: Poprf,
    key: PinnedEvaluatorKey,
    issuingCountry: BureauCode,
    inputs: readonly RecordPoprfInput[],
  ): Promise<Uint8Array[]> {
    const blinded: BlindResult[] = inputs.map(({ input, info }) =>
      poprf.blind({ input, info, serverPublicKey: key.publicKey }),
    );
    const reply = await this.ask({
      info: issuingCountry,
      blindedElements: blinded.map((item) => base64url(item.blindedElement)),
    });
    if (reply.keyId !== key.keyId)
      throw evaluatorKeyChanged(
        `the evaluator answers with key ${reply.keyId}, this node pinned ${key.keyId} on ${key.pinnedAt}: an administrator must accept the new key`,
      );
    if (reply.evaluatedElements.length !== blinded.length)
      throw evaluatorBadReply(
        `the evaluator answered ${reply.evaluatedElements.length} evaluated elements for ${blinded.length} blinded ones`,
      );
    try {
      return poprf.finalizeBatch({
        items: inputs.map(({ input }, i) => ({
          input,
          blind: blinded[i].blind,
          blindedElement: blinded[i].blindedElement,
          evaluatedElement: bytesOf(reply.evaluatedElements[i]),
        })),
        proof: bytesOf(reply.proof),
        info: inputs[0].info,
        // The same for every item: one key, one info.
        tweakedKey: blinded[0].tweakedKey,
      });
    } catch (error) {
      if (error instanceof OprfError && error.code === 'proof-mismatch')
        throw proofMismatch(`the evaluation's proof does not hold for the pinned key ${key.keyId}: ${error.message}`);
      if (error instanceof OprfError) throw evaluatorBadReply(`the evaluator's answer is unusable: ${error.message}`);
      throw error;
    }
  }

  private async ask(request: EvaluateRequest): Promise<EvaluateReply> {
    const timeoutMs = this.config.evaluatorTimeoutMs ?? DEFAULT_EVALUATOR_TIMEOUT_MS;
    let reply: unknown;
    try {
      reply = await this.bus.request(evaluateSubject(this.config.code), request, { timeoutMs });
    } catch (error) {
      if (!(error instanceof WireRequestError)) throw error;
      if (error.code === 'unavailable')
        throw evaluatorUnavailable(`no evaluator answered within ${timeoutMs} ms (${error.reason})`);
      if (error.code === 'rate-limited') throw evaluatorRateLimited(error.reason, retryAfterMsOf(error.reason));
      throw evaluatorBadReply(`the evaluator refused: ${error.code}: ${error.reason}`);
    }
    const parsed = evaluateReplySchema.safeParse(reply);
    if (!parsed.success)
      throw evaluatorBadReply(`the evaluator's answer is malformed: ${schemaIssues(parsed.error, 'reply')}`);
    return parsed.data;
  }
}

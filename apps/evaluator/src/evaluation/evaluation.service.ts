import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, type EvaluateReply, type EvaluatorKey } from '@bureaunet/contracts';
import { OprfError, type Poprf } from '@bureaunet/oprf';
import { EvaluationActivity } from '../activity/evaluation.activity';
import { EVALUATOR_KEY, POPRF, publishedKey, type EvaluatorKeyPair } from '../key/evaluator-key';
import { BureauRateLimiter } from '../rate/bureau-rate.limiter';
import { BAD_REQUEST, askingBureau, parseEvaluateRequest } from './evaluate-request.parser';

export const RATE_LIMITED = 'rate-limited';

const encoder = new TextEncoder();
const base64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

/**
 * Blind evaluations for the nodes (docs/checks.md): the asking bureau is the subject's last token,
 * each blinded element costs it one token of its bucket, and the answer carries one DLEQ proof for
 * the batch. It sees neither document numbers nor outputs, and logs only counts.
 */
@Injectable()
export class EvaluationService {
  private readonly logger = new Logger(EvaluationService.name);
  private readonly published: EvaluatorKey;

  constructor(
    @Inject(POPRF) private readonly poprf: Poprf,
    @Inject(EVALUATOR_KEY) private readonly key: EvaluatorKeyPair,
    private readonly limiter: BureauRateLimiter,
    private readonly activity: EvaluationActivity,
  ) {
    this.published = publishedKey(key);
  }

  publicKey(): EvaluatorKey {
    return this.published;
  }

  evaluate(subject: string, body: unknown): EvaluateReply {
    let bureau: string | undefined;
    try {
      bureau = askingBureau(subject);
      const request = parseEvaluateRequest(body);
      const cost = request.blindedElements.length;
      const take = this.limiter.take(bureau, cost);
      if (!take.taken)
        throw new DomainError(
          RATE_LIMITED,
          `${bureau} is over its limit of blinded elements (this request: ${cost}): retry in ${take.retryAfterMs} ms`,
          'rate-limited',
        );
      const { evaluatedElements, proof } = this.blindEvaluate(request.blindedElements, request.info);
      this.activity.evaluated(bureau, cost);
      this.logger.debug(`evaluated ${cost} blinded elements for ${bureau}`);
      return { keyId: this.key.keyId, evaluatedElements: evaluatedElements.map(base64url), proof: base64url(proof) };
    } catch (error) {
      const code = error instanceof DomainError ? error.code : 'internal';
      this.activity.refused(bureau, code);
      if (error instanceof DomainError) this.logger.debug(`refused ${bureau ?? subject}: ${code}`);
      throw error;
    }
  }

  private blindEvaluate(blindedElements: Uint8Array[], info: string) {
    try {
      return this.poprf.blindEvaluateBatch({
        serverSecretKey: this.key.secretKey,
        blindedElements,
        info: encoder.encode(info),
      });
    } catch (error) {
      // Only the elements can be wrong here: the info is a checked bureau code and the key is ours.
      if (error instanceof OprfError && error.code !== 'inverse-error')
        throw new DomainError(BAD_REQUEST, `body.blindedElements: ${error.message}`, 'invalid');
      throw error;
    }
  }
}

import { createSodiumPoprf, type Poprf } from '@bureaunet/oprf';
import { deriveRecordKeys, recordPoprfInput, type RecordKeys } from '@bureaunet/travel-document';
import type { EvaluatorClient } from '../src/evaluation/evaluator.client';

/**
 * Stands in for the node's EvaluatorClient with a key the test holds: the same POPRF outputs the
 * real client gets by blind evaluation (finalize = Evaluate, docs/checks.md), computed directly.
 */
export class EvaluatorStandIn implements Pick<EvaluatorClient, 'outputs'> {
  /** Every call, for a test that counts what was asked (the numbers, as the evaluator never sees them). */
  readonly calls: Array<{ issuingCountry: string; count: number }> = [];
  /** Set to make every call refuse as the real client would (evaluator-unavailable, rate-limited…). */
  refusal: Error | undefined;

  private constructor(
    private readonly poprf: Poprf,
    private readonly secretKey: Uint8Array,
  ) {}

  static async create(): Promise<EvaluatorStandIn> {
    const poprf = await createSodiumPoprf();
    return new EvaluatorStandIn(poprf, poprf.generateKeyPair().secretKey);
  }

  outputs(issuingCountry: string, documentNumbers: readonly string[]): Promise<Uint8Array[]> {
    this.calls.push({ issuingCountry, count: documentNumbers.length });
    if (this.refusal) return Promise.reject(this.refusal);
    return Promise.resolve(documentNumbers.map((documentNumber) => this.output(documentNumber, issuingCountry)));
  }

  /** What a checker holding the number derives: the index to look up and the key that opens the entry. */
  keysOf(documentNumber: string, issuingCountry: string): RecordKeys {
    return deriveRecordKeys(this.output(documentNumber, issuingCountry));
  }

  private output(documentNumber: string, issuingCountry: string): Uint8Array {
    const { input, info } = recordPoprfInput({ documentNumber, issuingCountry });
    return this.poprf.evaluate({ serverSecretKey: this.secretKey, input, info });
  }
}

import { Injectable, NotImplementedException } from '@nestjs/common';
import type { BureauCode } from '@bureaunet/contracts';

/**
 * The node's side of the hub's evaluator (docs/checks.md): blinds each document number, asks the
 * evaluator on this bureau's own subject, checks the proof against the pinned evaluator key and
 * unblinds. (Placeholder: the evaluator's change fills it in; keep the signature.)
 */
@Injectable()
export class EvaluatorClient {
  /**
   * The POPRF output (64 bytes) of each normalised document number issued by `issuingCountry`, in
   * order. Refuses with a DomainError whose code is `evaluator-unavailable` (no evaluator answered in
   * time: a 503), `rate-limited` (a 429 with retryAfterMs), or `proof-mismatch` (a 502).
   */
  outputs(_issuingCountry: BureauCode, _documentNumbers: readonly string[]): Promise<Uint8Array[]> {
    throw new NotImplementedException('the evaluator client is not built yet');
  }
}

/**
 * An expected refusal with a stable code. Services throw it; one filter per edge maps it to HTTP
 * (by kind) or to {code, reason} on the wire. Services never throw HTTP exceptions.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  /** Well formed, but a rule refuses it (a 422): a send every recipient would be refused, a forward lowering its original's handling code. */
  | 'unprocessable'
  | 'unavailable'
  | 'too-large'
  /** Over a rate limit: try again later (a 429). */
  | 'rate-limited'
  /** The resource is locked for a while (a 423), e.g. an account after repeated failed sign-ins. */
  | 'locked'
  /** A service this one depends on answered wrongly (a 502), e.g. an evaluator whose proof fails. */
  | 'bad-gateway';

export class DomainError extends Error {
  override readonly name: string = 'DomainError';

  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'invalid',
  ) {
    super(message);
  }
}

/** Refused before sending because one access rule would refuse it: the HTTP answer (422) names the rule. */
export class RuleRefusedError extends DomainError {
  override readonly name = 'RuleRefusedError';

  constructor(
    code: string,
    message: string,
    readonly rule: string,
  ) {
    super(code, message, 'unprocessable');
  }
}

/** Over a rate limit: the same request fits again after retryAfterMs (HTTP sends it as Retry-After). */
export class RateLimitedError extends DomainError {
  override readonly name = 'RateLimitedError';

  constructor(
    code: string,
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(code, message, 'rate-limited');
  }
}

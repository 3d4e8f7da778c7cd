/** A request over the bus failed: the responder refused it (its code) or nobody answered ('unavailable'). */
export class WireRequestError extends Error {
  override readonly name = 'WireRequestError';

  constructor(
    readonly code: string,
    readonly reason: string,
    readonly subject?: string,
  ) {
    super(subject ? `${subject}: ${code}: ${reason}` : `${code}: ${reason}`);
  }
}

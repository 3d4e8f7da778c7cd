/**
 * This gateway no longer holds the partition of the sender whose submission it was committing:
 * nothing was committed, and the message is left (nak'ed, never parked) for the partition's holder.
 */
export class LeaseLostError extends Error {
  constructor(readonly sender: string) {
    super(`this gateway no longer holds the submission partition of ${sender}: left to its new holder`);
    this.name = 'LeaseLostError';
  }
}

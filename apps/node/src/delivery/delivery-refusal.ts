import { CryptoError } from '@bureaunet/crypto';

/** A delivery this node refuses for good: recorded as rejected and acked, never retried. */
export class DeliveryRefusal extends Error {
  override readonly name = 'DeliveryRefusal';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The refusal an error stands for, or undefined when the error is transient (directory
 * unavailable, database busy…) and the delivery must come again. Crypto errors are about the
 * bytes received: they will never verify, however often they come.
 */
export function refusalOf(error: unknown): { code: string; message: string } | undefined {
  if (error instanceof CryptoError || error instanceof DeliveryRefusal)
    return { code: error.code, message: error.message };
  return undefined;
}

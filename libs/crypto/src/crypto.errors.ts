import { DomainError, RefusalCode } from '@bureaunet/contracts';

/** Refusal codes shared with the wire, plus 'bad-content' for a recipient's own decryption failure. */
export type CryptoErrorCode = RefusalCode | 'bad-content';

/** A refused envelope, report or certificate; at an HTTP edge it reads as a 400 with its code. */
export class CryptoError extends DomainError {
  override readonly name: string = 'CryptoError';

  constructor(
    override readonly code: CryptoErrorCode,
    message: string,
  ) {
    super(code, message, 'invalid');
  }
}

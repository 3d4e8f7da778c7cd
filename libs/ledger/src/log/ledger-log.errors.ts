/** Stable, machine-readable reasons the ledger log refuses something. The message is for people. */
export const LEDGER_LOG_ERROR_CODES = [
  'bad-entry',
  'not-canonical',
  'state-mismatch',
  'bad-tree-head',
  'bad-signature-encoding',
  'signature-invalid',
  'missing-subtree',
] as const;

export type LedgerLogErrorCode = (typeof LEDGER_LOG_ERROR_CODES)[number];

export class LedgerLogError extends Error {
  override readonly name = 'LedgerLogError';

  constructor(
    readonly code: LedgerLogErrorCode,
    message: string,
  ) {
    super(message);
  }
}

import type { WitnessErrorCode } from '@bureaunet/witness';

/** tlog-witness's add-checkpoint statuses for each refusal (docs/witnesses.md). */
export function witnessErrorStatus(code: WitnessErrorCode): number {
  switch (code) {
    case 'malformed-note':
    case 'malformed-key':
    case 'malformed-checkpoint':
    case 'malformed-request':
    case 'old-size-larger':
    case 'old-size-mismatch':
      return 400;
    case 'no-trusted-signature':
    case 'bad-signature':
      return 403;
    case 'unknown-origin':
      return 404;
    case 'empty-tree-root':
    case 'bad-consistency-proof':
    case 'split-view':
      return 422;
    case 'quorum-not-met':
    case 'bad-policy':
      return 500;
  }
}

import { createHash, X509Certificate } from 'node:crypto';
import { verifyTimestampToken } from '@bureaunet/timestamp';
import type { SignedNote } from '@bureaunet/witness';
import type { EvidenceBundle } from './evidence-bundle.schema';
import type { EvidenceChecks } from './evidence-check';

export const TIMESTAMP_NOT_CHECKED = 'not checked: no trusted TSA';

/**
 * The RFC 3161 token's imprint is SHA-256 of the verified checkpoint's note text (origin, size,
 * root, each line with its newline), signed by a TSA under the CA the caller trusts, and dated no
 * later than `now`. Without a trusted TSA the piece holds and says it was not checked.
 */
export function checkTimestamp(
  timestamp: NonNullable<EvidenceBundle['timestamp']>,
  note: SignedNote | undefined,
  policy: { trustedTsaCa?: X509Certificate; now: Date },
  checks: EvidenceChecks,
): void {
  checks.attempt('timestamp', () => {
    const trusted = policy.trustedTsaCa;
    if (!trusted) return { value: undefined, reason: TIMESTAMP_NOT_CHECKED };
    if (!new X509Certificate(timestamp.tsa_ca).raw.equals(trusted.raw))
      throw new Error('the bundled TSA CA is not the trusted TSA CA');
    if (!note) throw new Error('no verified checkpoint to time-stamp');
    const verified = verifyTimestampToken(Buffer.from(timestamp.token, 'base64'), {
      trustedCa: trusted,
      sha256Digest: createHash('sha256').update(note.text, 'utf8').digest(),
    });
    if (verified.genTime > policy.now)
      throw new Error(`the time-stamp is dated in the future (${verified.genTime.toISOString()})`);
    return {
      value: undefined,
      reason: `the checkpoint existed at ${verified.genTime.toISOString()} by ${verified.tsa} (serial ${verified.serialNumber})`,
    };
  });
}

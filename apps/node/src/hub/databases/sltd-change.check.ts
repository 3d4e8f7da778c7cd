import type { EnvelopePayload, SltdChange, TravelDocumentChangeBody } from '@bureaunet/contracts';

export interface IssuerChanges {
  /** The sender's own changes, one per entry (the highest version of each). */
  accepted: SltdChange[];
  /** Changes to another country's records: refused, whatever the rest of the envelope holds. */
  refused: number;
}

/**
 * Only the issuer changes its records (the gateway's rules say so too; this is the hub's own
 * check): a change counts when its issuingCountry is the envelope's sender and the envelope's
 * meta.recordOwner.
 */
export function issuerChanges(
  payload: Pick<EnvelopePayload, 'from' | 'meta'>,
  body: TravelDocumentChangeBody,
): IssuerChanges {
  const owner = payload.meta.recordOwner;
  const newest = new Map<string, SltdChange>();
  let refused = 0;
  for (const change of body.changes) {
    if (change.issuingCountry !== payload.from || change.issuingCountry !== owner) {
      refused += 1;
      continue;
    }
    const earlier = newest.get(change.index);
    if (!earlier || supersedes(change, earlier)) newest.set(change.index, change);
  }
  return { accepted: [...newest.values()], refused };
}

/**
 * Whether a change replaces the stored entry: only at a higher version. The same version again
 * (a second copy) or a lower one (late, out of order) changes nothing.
 */
export function supersedes(change: { version: number }, stored: { version: number } | undefined): boolean {
  return stored === undefined || change.version > stored.version;
}

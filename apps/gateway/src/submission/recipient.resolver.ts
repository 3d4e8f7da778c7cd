import type { DirectoryEntry, EnvelopePayload, RecipientOutcome } from '@bureaunet/contracts';

export interface RecipientCandidate {
  code: string;
  /** The directory entry, absent when the code is unknown to the registry. */
  entry?: DirectoryEntry;
  /** kid of the recipient's current encryption certificate, absent when not enrolled. */
  encryptionKid?: string;
}

export interface ResolveInput {
  payload: Pick<EnvelopePayload, 'from' | 'to'>;
  candidates: readonly RecipientCandidate[];
  /** kids of the JWE recipient entries; undefined for kinds without content. */
  jweKids?: readonly string[];
}

/** Addressable directory entries for a broadcast: enrolled bureaus and the hub, never the gateway. */
export function broadcastCodes(entries: readonly DirectoryEntry[], from: string): string[] {
  return entries
    .filter((entry) => entry.role !== 'gateway' && entry.code !== from && entry.encryptionCertificate)
    .map((entry) => entry.code);
}

/**
 * Decides, per addressee, whether the gateway can deliver at all (a known, enrolled bureau the
 * content is encrypted for): one outcome per distinct code. Whether it may (status, kinds,
 * declarations, restrictions) is for the access rules to say afterwards.
 */
export function resolveRecipients(input: ResolveInput): RecipientOutcome[] {
  const seen = new Set<string>();
  const outcomes: RecipientOutcome[] = [];
  for (const candidate of input.candidates) {
    if (seen.has(candidate.code)) continue;
    seen.add(candidate.code);
    outcomes.push(outcomeFor(candidate, input));
  }
  return outcomes;
}

function outcomeFor(candidate: RecipientCandidate, input: ResolveInput): RecipientOutcome {
  const { code, entry, encryptionKid } = candidate;
  const refuse = (refusal: {
    code: 'self-addressed' | 'unknown-recipient' | 'not-encrypted-for-recipient';
    message: string;
  }): RecipientOutcome => ({ code, status: 'refused', refusal });
  if (code === input.payload.from) return refuse({ code: 'self-addressed', message: `${code} is the sender` });
  if (!entry || entry.role === 'gateway' || !encryptionKid)
    return refuse({ code: 'unknown-recipient', message: `${code} is not an enrolled bureau` });
  if (input.jweKids && !input.jweKids.includes(encryptionKid)) {
    return refuse({
      code: 'not-encrypted-for-recipient',
      message: `the content has no entry for ${code}'s current encryption key`,
    });
  }
  return { code, status: 'delivered' };
}

import { handlingLevel, type Handling } from '@bureaunet/contracts';

/**
 * The data owner's handling that holds for an envelope: the strictest code of the envelope and of
 * everything it replies to or forwards, who declared it (the owner consent is asked of), and the H3
 * limits gathered along the lineage. The gateway keeps it with every accepted envelope, so a
 * forward of a forward still carries the first owner's code.
 */
export interface EffectiveHandling {
  /** 0 (H0) to 3 (H3). */
  level: number;
  /** The envelope that declared the strictest code first, and its sender: the data owner. */
  originId?: string;
  owner?: string;
  /** H3: the bureaus it may go to besides the owner (the intersection of every H3 allow-list); absent, no list. */
  allowTo?: readonly string[];
  /** H3: the earliest expiry along the lineage. */
  expiresAt?: string;
}

export const NO_HANDLING: EffectiveHandling = { level: 0 };

/** An envelope's own declaration, as the handling it starts (origin: itself). */
export function declaredHandling(envelope: { id: string; from: string; handling?: Handling }): EffectiveHandling {
  const level = handlingLevel(envelope.handling?.code);
  if (level === 0) return NO_HANDLING;
  const declared: EffectiveHandling = { level, originId: envelope.id, owner: envelope.from };
  if (envelope.handling?.allowTo) declared.allowTo = [...new Set(envelope.handling.allowTo)].sort();
  if (envelope.handling?.expiresAt) declared.expiresAt = new Date(envelope.handling.expiresAt).toISOString();
  return declared;
}

/**
 * Joins handlings: the strictest level wins, and among equals the first (the inherited ones come
 * first, so a forwarder that repeats the code does not become the owner). H3 limits only narrow:
 * allow-lists intersect, the earliest expiry holds.
 */
export function joinHandling(handlings: readonly EffectiveHandling[]): EffectiveHandling {
  let joined: EffectiveHandling = NO_HANDLING;
  for (const handling of handlings) {
    if (handling.level > joined.level)
      joined = { level: handling.level, originId: handling.originId, owner: handling.owner };
  }
  if (joined.level < 3) return joined;
  const h3 = handlings.filter((handling) => handling.level === 3);
  const lists = h3.map((handling) => handling.allowTo).filter((list): list is readonly string[] => list !== undefined);
  if (lists.length > 0) joined.allowTo = lists.reduce((kept, list) => kept.filter((code) => list.includes(code)));
  const expiries = h3.map((handling) => handling.expiresAt).filter((at): at is string => at !== undefined);
  if (expiries.length > 0)
    joined.expiresAt = expiries.reduce((earliest, at) => (Date.parse(at) < Date.parse(earliest) ? at : earliest));
  return joined;
}

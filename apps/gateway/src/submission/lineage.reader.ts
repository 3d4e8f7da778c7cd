import { Injectable } from '@nestjs/common';
import type { EnvelopePayload, MessageKind } from '@bureaunet/contracts';
import {
  NO_LINEAGE,
  inheritingReferences,
  joinHandling,
  type AnsweredEnvelope,
  type ConsentGrantFacts,
  type EffectiveHandling,
  type EnvelopeLineage,
} from '@bureaunet/policy';
import { ConsentGrantRepository } from './consent-grant.repository';
import type { EnvelopeLineageEntity } from './envelope-lineage.entity';
import { EnvelopeLineageRepository } from './envelope-lineage.repository';

/** The lineage plus what only the gateway needs: the handling origin a consent is about. */
export interface ReadLineage extends EnvelopeLineage {
  /** consent kinds: the origin whose lineage a grant covers (the named envelope's handling origin, else itself). */
  consentOrigin?: string;
}

/**
 * What an envelope inherits from the envelopes it refers to: the restrictions and handling of
 * those it replies to or forwards, the owner's live grants to its sender for that content, the
 * envelope it answers (receipt, else reply) with who got it, what a consent message is about, and
 * any reference to an envelope the gateway never accepted.
 */
@Injectable()
export class LineageReader {
  constructor(
    private readonly lineage: EnvelopeLineageRepository,
    private readonly grants: ConsentGrantRepository,
  ) {}

  async read(payload: Pick<EnvelopePayload, 'meta'> & Partial<Pick<EnvelopePayload, 'from'>>): Promise<ReadLineage> {
    const { meta } = payload;
    const inheriting = inheritingReferences(meta);
    if (inheriting.length === 0 && !meta.receiptFor && !meta.consent) return NO_LINEAGE;
    const unresolved: string[] = [];
    const inherited = new Set<string>();
    const handlings: EffectiveHandling[] = [];
    for (const id of inheriting) {
      const row = await this.lineage.find(id);
      if (!row) unresolved.push(id);
      else {
        (JSON.parse(row.restrictedTo) as string[]).forEach((code) => inherited.add(code));
        handlings.push(handlingOf(row));
      }
    }
    const handling = joinHandling(handlings);
    const answered = meta.receiptFor ?? (meta.replyTo === undefined ? undefined : { id: meta.replyTo });
    const answers = answered ? await this.answered(answered) : undefined;
    if (answered && !answers && !unresolved.includes(answered.id)) unresolved.push(answered.id);
    const read: ReadLineage = { inheritedRestrictions: [...inherited].sort(), unresolved, handling };
    if (answers) read.answers = answers;
    if (handling.level === 3 && handling.originId && payload.from)
      read.grants = await this.liveOrNotGrants(handling.originId, payload.from);
    if (meta.consent) {
      const about = await this.lineage.find(meta.consent.envelopeId);
      if (!about) unresolved.push(meta.consent.envelopeId);
      else {
        const aboutHandling = handlingOf(about);
        read.consentAbout = {
          owner: aboutHandling.owner ?? about.sender,
          deliveredTo: JSON.parse(about.deliveredTo) as string[],
        };
        read.consentOrigin = aboutHandling.originId ?? about.envelopeId;
      }
    }
    return read;
  }

  // Whether each grant is still live is for the decision to say, at its own `now`.
  private async liveOrNotGrants(originId: string, grantee: string): Promise<ConsentGrantFacts[]> {
    return (await this.grants.forLineage(originId, grantee))
      .filter((grant) => grant.purpose === 'onward-sharing')
      .map((grant) => ({ bureaus: JSON.parse(grant.bureaus) as string[], expiresAt: grant.expiresAt }));
  }

  /** The envelope answered, when the gateway accepted it (with this digest, for a receipt). */
  private async answered(reference: { id: string; digest?: string }): Promise<AnsweredEnvelope | undefined> {
    // The lineage row, not the replay record: that one is pruned once replays are stale anyway.
    const row = await this.lineage.find(reference.id);
    if (!row) return undefined;
    if (reference.digest !== undefined && reference.digest !== row.digest) return undefined;
    return { from: row.sender, kind: row.kind as MessageKind, deliveredTo: JSON.parse(row.deliveredTo) as string[] };
  }
}

/** The handling a lineage row carries on. */
export function handlingOf(row: EnvelopeLineageEntity): EffectiveHandling {
  const level = row.handlingLevel ?? 0;
  if (level === 0) return { level: 0 };
  const handling: EffectiveHandling = { level };
  if (row.handlingOrigin) handling.originId = row.handlingOrigin;
  if (row.handlingOwner) handling.owner = row.handlingOwner;
  if (row.handlingAllowTo) handling.allowTo = JSON.parse(row.handlingAllowTo) as string[];
  if (row.handlingExpiresAt) handling.expiresAt = row.handlingExpiresAt;
  return handling;
}

/** The handling columns of a lineage row. */
export function handlingColumns(
  handling: EffectiveHandling,
): Pick<
  EnvelopeLineageEntity,
  'handlingLevel' | 'handlingOrigin' | 'handlingOwner' | 'handlingAllowTo' | 'handlingExpiresAt'
> {
  return {
    handlingLevel: handling.level,
    handlingOrigin: handling.originId ?? null,
    handlingOwner: handling.owner ?? null,
    handlingAllowTo: handling.allowTo ? JSON.stringify(handling.allowTo) : null,
    handlingExpiresAt: handling.expiresAt ?? null,
  };
}

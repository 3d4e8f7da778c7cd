import { Injectable } from '@nestjs/common';
import type { EnvelopePayload, MessageKind } from '@bureaunet/contracts';
import { NO_LINEAGE, inheritingReferences, type AnsweredEnvelope, type EnvelopeLineage } from '@bureaunet/policy';
import { EnvelopeLineageRepository } from './envelope-lineage.repository';

/**
 * What an envelope inherits from the envelopes it refers to: the restrictions of those it replies
 * to or forwards, the envelope it answers (receipt, else reply) with who got it, and any reference
 * to an envelope the gateway never accepted.
 */
@Injectable()
export class LineageReader {
  constructor(private readonly lineage: EnvelopeLineageRepository) {}

  async read(payload: Pick<EnvelopePayload, 'meta'>): Promise<EnvelopeLineage> {
    const { meta } = payload;
    const inheriting = inheritingReferences(meta);
    if (inheriting.length === 0 && !meta.receiptFor) return NO_LINEAGE;
    const unresolved: string[] = [];
    const inherited = new Set<string>();
    for (const id of inheriting) {
      const row = await this.lineage.find(id);
      if (!row) unresolved.push(id);
      else (JSON.parse(row.restrictedTo) as string[]).forEach((code) => inherited.add(code));
    }
    const answered = meta.receiptFor ?? (meta.replyTo === undefined ? undefined : { id: meta.replyTo });
    const answers = answered ? await this.answered(answered) : undefined;
    if (answered && !answers && !unresolved.includes(answered.id)) unresolved.push(answered.id);
    return { inheritedRestrictions: [...inherited].sort(), unresolved, ...(answers ? { answers } : {}) };
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

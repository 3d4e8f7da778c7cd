import { Injectable } from '@nestjs/common';
import { DomainError, type EnvelopeMeta } from '@bureaunet/contracts';
import { outgoingBodyDigests } from './body-digest';
import { LocalLineage } from './local-lineage';
import { ReceivedBodyDigestRepository } from '../store/received-body-digest.repository';

/**
 * Content a bureau received goes on only as a forward that says where it came from, so the
 * owner's restrictions and handling code follow it: a body that repeats received content (whole,
 * embedded, or a text of it pasted) is refused unless meta.forwardOf names that envelope or one
 * of its lineage.
 */
@Injectable()
export class ContentOriginCheck {
  constructor(
    private readonly digests: ReceivedBodyDigestRepository,
    private readonly lineage: LocalLineage,
  ) {}

  async check(meta: EnvelopeMeta, body: unknown): Promise<void> {
    const matches = await this.digests.envelopesByDigest(outgoingBodyDigests(body));
    if (matches.size === 0) return;
    const forwardOf = meta.forwardOf;
    const forwarded = forwardOf ? await this.lineage.ancestry(forwardOf) : new Set<string>();
    for (const envelopes of matches.values()) {
      if (envelopes.some((id) => forwarded.has(id))) continue;
      // The forward may name an earlier link than the one the content came in (its original).
      if (forwardOf && (await this.anyDescendsFrom(envelopes, forwardOf))) continue;
      const source = envelopes[0];
      throw new DomainError(
        'content-origin-missing',
        `the body repeats content received in envelope ${source}: send it as a forward with meta.forwardOf ${source}`,
        'unprocessable',
      );
    }
  }

  private async anyDescendsFrom(envelopes: readonly string[], ancestor: string): Promise<boolean> {
    for (const id of envelopes.slice(0, 8)) if ((await this.lineage.ancestry(id)).has(ancestor)) return true;
    return false;
  }
}

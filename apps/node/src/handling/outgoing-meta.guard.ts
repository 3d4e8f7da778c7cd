import { Injectable } from '@nestjs/common';
import type { EnvelopeMeta } from '@bureaunet/contracts';
import { ContentOriginCheck } from './content-origin.check';
import { inheritHandling, type PassedOn } from './handling.inheritance';
import { LocalLineage } from './local-lineage';

/**
 * What this node checks of a message an officer composes before sealing it: the body's origin,
 * and the handling code a forward or reply inherits. Returns the meta to send.
 */
@Injectable()
export class OutgoingMetaGuard {
  constructor(
    private readonly origin: ContentOriginCheck,
    private readonly lineage: LocalLineage,
  ) {}

  async check(meta: EnvelopeMeta, body: unknown): Promise<EnvelopeMeta> {
    await this.origin.check(meta, body);
    const passedOn: PassedOn[] = [];
    for (const id of new Set([meta.forwardOf, meta.replyTo])) {
      const known = id ? await this.lineage.find(id) : undefined;
      if (known) passedOn.push({ id: known.id, handling: known.meta.handling });
    }
    const handling = inheritHandling(meta.handling, passedOn);
    return handling ? { ...meta, handling } : meta;
  }
}

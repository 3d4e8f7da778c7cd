import { Injectable } from '@nestjs/common';
import type { EnvelopeMeta, MessageKind } from '@bureaunet/contracts';
import { ContentOriginCheck } from './content-origin.check';
import { InheritedHandling } from './inherited-handling';

/**
 * What this node checks of a message an officer composes before sealing it: the body's origin,
 * and the handling code a forward or reply inherits. Returns the meta to send.
 */
@Injectable()
export class OutgoingMetaGuard {
  constructor(
    private readonly origin: ContentOriginCheck,
    private readonly handling: InheritedHandling,
  ) {}

  async check(kind: MessageKind, meta: EnvelopeMeta, body: unknown): Promise<EnvelopeMeta> {
    await this.origin.check(meta, body);
    return this.handling.apply(kind, meta);
  }
}

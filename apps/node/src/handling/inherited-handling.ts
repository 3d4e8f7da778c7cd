import { Injectable } from '@nestjs/common';
import type { EnvelopeMeta, MessageKind } from '@bureaunet/contracts';
import { inheritHandling, type PassedOn } from './handling.inheritance';
import { LocalLineage } from './local-lineage';

/** Consent messages speak about content without passing it on: the rules exempt them. */
const EXEMPT: ReadonlySet<MessageKind> = new Set(['consent-request', 'consent-decision']);

/**
 * The handling code every forward or reply leaving this node carries — an officer's or a workflow
 * step's (a hub withdrawal, an operation reply, a hit confirmation): the strictest of what it
 * passes on when none is given, a lower one refused (the gateway would refuse it anyway).
 */
@Injectable()
export class InheritedHandling {
  constructor(private readonly lineage: LocalLineage) {}

  async apply(kind: MessageKind, meta: EnvelopeMeta): Promise<EnvelopeMeta> {
    if (EXEMPT.has(kind) || (!meta.forwardOf && !meta.replyTo)) return meta;
    const passedOn: PassedOn[] = [];
    for (const id of new Set([meta.forwardOf, meta.replyTo])) {
      const known = id ? await this.lineage.find(id) : undefined;
      if (known) passedOn.push({ id: known.id, handling: known.meta.handling });
    }
    const handling = inheritHandling(meta.handling, passedOn);
    return handling ? { ...meta, handling } : meta;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { EnvelopeMeta } from '@bureaunet/contracts';
import { BUREAU_IDENTITY, type BureauIdentity } from '@bureaunet/identity';
import { ReceivedMessageRepository } from '../store/received-message.repository';
import { SentMessageRepository } from '../store/sent-message.repository';

/** Envelopes looked at when following a lineage: a chain of forwards is short; a loop or a flood is cut. */
const MAX_LINEAGE = 32;

/** An envelope sent or received here, as far as handling and lineage go. */
export interface KnownEnvelope {
  id: string;
  /** The bureau that sent it: another for a received one, this one for a sent one. */
  from: string;
  direction: 'sent' | 'received';
  meta: EnvelopeMeta;
}

/** The lineage of envelopes this node holds (meta.forwardOf and meta.replyTo), followed locally. */
@Injectable()
export class LocalLineage {
  constructor(
    private readonly received: ReceivedMessageRepository,
    private readonly sent: SentMessageRepository,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
  ) {}

  async find(id: string): Promise<KnownEnvelope | undefined> {
    const received = await this.received.findById(id);
    if (received) return { id, from: received.from, direction: 'received', meta: received.meta };
    const sent = await this.sent.findById(id);
    return sent ? { id, from: this.identity.code, direction: 'sent', meta: sent.meta } : undefined;
  }

  /** `id` and every envelope it passes on or answers, as far as this node holds them (bounded). */
  async ancestry(id: string): Promise<Set<string>> {
    const seen = new Set<string>();
    const queue = [id];
    while (queue.length > 0 && seen.size < MAX_LINEAGE) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      const known = await this.find(next);
      if (known?.meta.forwardOf) queue.push(known.meta.forwardOf);
      if (known?.meta.replyTo) queue.push(known.meta.replyTo);
    }
    return seen;
  }
}

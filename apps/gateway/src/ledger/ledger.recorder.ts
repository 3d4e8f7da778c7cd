import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ACTIVITY_ANCHOR_ENTRY_TYPE, RegistryEventType } from '@bureaunet/contracts';
import { encodeLedgerEntry } from '@bureaunet/ledger';
import { LedgerLogAppender, type AppendResult, type LeafToAppend } from '@bureaunet/ledger/storage';
import { CLOCK, Clock } from '@bureaunet/platform';
import { SerialWriter } from '@bureaunet/persistence';
import { TreeHeadService } from './tree-head.service';

export type LedgerEventType =
  | 'submission-accepted'
  | 'submission-refused'
  | 'delivery'
  | 'recipient-refused'
  | 'receipt'
  /** A data owner's consent-decision delivered to the bureau that asked: granted or refused. */
  | 'consent-granted'
  | 'consent-refused'
  | typeof ACTIVITY_ANCHOR_ENTRY_TYPE
  | RegistryEventType;

export interface LedgerEvent {
  type: LedgerEventType;
  envelopeId: string | null;
  at: Date;
  /** Metadata and digests only; becomes part of the entry: {type, at, envelopeId?, ...data}. */
  data: Record<string, unknown>;
}

/**
 * Appends events to the Merkle log inside the caller's transaction, so an event is durable exactly
 * when what it records is: leaves, subtree hashes and tree state in one multi-row INSERT and one
 * UPDATE, whatever the number of events — and, through SerialWriter.collect, whatever the number
 * of submissions that share a group commit.
 */
@Injectable()
export class LedgerRecorder {
  constructor(
    private readonly appender: LedgerLogAppender,
    private readonly treeHeads: TreeHeadService,
    private readonly writer: SerialWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Written just before the transaction commits, together with the other jobs' events. Nothing to
   * wait for here; the promise lets it be a transaction's whole work.
   */
  append(manager: EntityManager, events: readonly LedgerEvent[]): Promise<void> {
    if (events.length > 0) this.writer.collect(manager, this, events, this.flush);
    return Promise.resolve();
  }

  /** Events that record nothing else (a refusal): durable once the group commit they join is. */
  async record(events: readonly LedgerEvent[]): Promise<void> {
    if (events.length > 0) await this.writer.collectAlone(this, events, this.flush);
  }

  private readonly flush = (manager: EntityManager, all: LedgerEvent[]): Promise<void> =>
    this.appendAndLocate(manager, all).then(() => undefined);

  /** Appends at once (not at commit), and says where the events landed in the log. */
  async appendAndLocate(manager: EntityManager, events: readonly LedgerEvent[]): Promise<AppendResult> {
    const leaves: LeafToAppend[] = events.map((event) => ({
      leafInput: encodeLedgerEntry(event),
      type: event.type,
      envelopeId: event.envelopeId,
      at: event.at.toISOString(),
    }));
    const result = await this.appender.append(manager, leaves, this.clock.now());
    this.treeHeads.grewTo(result.treeSize);
    return result;
  }
}

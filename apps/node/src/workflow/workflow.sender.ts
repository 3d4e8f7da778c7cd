import { Inject, Injectable } from '@nestjs/common';
import { DomainError, HUB_CODE, type EnvelopeMeta, type MessageKind } from '@bureaunet/contracts';
import { DirectoryClient } from '@bureaunet/directory';
import { BUREAU_IDENTITY, type BureauIdentity } from '@bureaunet/identity';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import type { EntityManager } from 'typeorm';
import { OutboxPublisher } from '../outbox/outbox.publisher';
import { OutgoingEnvelopeFactory } from '../outbox/outgoing-envelope.factory';
import { RecipientResolver } from '../outbox/recipient.resolver';
import type { SentMessageEntity } from '../store/sent-message.entity';
import { SentMessageRepository } from '../store/sent-message.repository';

export interface WorkflowSend {
  kind: Exclude<MessageKind, 'receipt'>;
  to: string[] | 'all';
  meta: EnvelopeMeta;
  body: unknown;
}

/** What a workflow step records about the message it sends, in the same transaction. */
export type WorkflowEffect = (manager: EntityManager, message: SentMessageEntity, now: string) => Promise<void>;

/**
 * Sends a workflow message the way the outbox does (seal, store, publish), with the step's own
 * effect committed in the same transaction as the outgoing envelope: both or neither.
 */
@Injectable()
export class WorkflowSender {
  constructor(
    private readonly resolver: RecipientResolver,
    private readonly envelopes: OutgoingEnvelopeFactory,
    private readonly sent: SentMessageRepository,
    private readonly publisher: OutboxPublisher,
    private readonly directory: DirectoryClient,
    private readonly writer: SerialWriter,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get code(): string {
    return this.identity.code;
  }

  get isHub(): boolean {
    return this.identity.code === HUB_CODE;
  }

  requireHub(step: string): void {
    if (!this.isHub)
      throw new DomainError(
        'hub-only',
        `${step} is done by the hub (${HUB_CODE}), not by ${this.identity.code}`,
        'forbidden',
      );
  }

  requireBureau(step: string): void {
    if (this.isHub) throw new DomainError('bureau-only', `${step} is done by a bureau, not by the hub`, 'forbidden');
  }

  async send(request: WorkflowSend, effect?: WorkflowEffect): Promise<SentMessageEntity> {
    const { addressees, keys } = await this.resolver.resolve(request.to);
    const message = await this.envelopes.seal({
      kind: request.kind,
      to: request.to,
      meta: request.meta,
      body: request.body,
      recipients: keys,
    });
    const now = this.clock.now().toISOString();
    await this.writer.transaction(async (manager) => {
      await this.sent.insert(manager, message, addressees, now);
      if (effect) await effect(manager, message, now);
    });
    await this.publisher.publishIfUp(message);
    return message;
  }

  /** Active, enrolled bureaus (the hub's publication list), without this node and the excluded. */
  async activeBureaus(excluded: readonly string[] = []): Promise<string[]> {
    const entries = await this.directory.all();
    return entries
      .filter(
        (entry) =>
          entry.role === 'bureau' &&
          entry.status === 'active' &&
          entry.encryptionCertificate &&
          entry.code !== this.identity.code &&
          !excluded.includes(entry.code),
      )
      .map((entry) => entry.code)
      .sort();
  }

  now(): Date {
    return this.clock.now();
  }
}

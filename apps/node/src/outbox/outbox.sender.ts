import { Inject, Injectable } from '@nestjs/common';
import type { EnvelopeMeta, MessageKind, RecipientScope } from '@bureaunet/contracts';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import type { EntityManager } from 'typeorm';
import { recordRequestAnswer } from '../deadline/request-answer';
import { InheritedHandling } from '../handling/inherited-handling';
import type { SentMessageEntity } from '../store/sent-message.entity';
import { SentMessageRepository } from '../store/sent-message.repository';
import { OutboxPublisher } from './outbox.publisher';
import { OutgoingEnvelopeFactory } from './outgoing-envelope.factory';
import { RecipientResolver } from './recipient.resolver';

/** A message with content, from an officer or a workflow step. */
export interface Outgoing {
  kind: Exclude<MessageKind, 'receipt'>;
  to: RecipientScope;
  meta: EnvelopeMeta;
  body: unknown;
}

/** A receipt or a signed rejection: no content, so sealed without any recipient key. */
export interface OutgoingReceipt {
  kind: 'receipt';
  to: string[];
  meta: EnvelopeMeta;
}

/** What a step records about the message it sends, in the transaction that stores it: both or neither. */
export type SendEffect = (manager: EntityManager, message: SentMessageEntity, now: string) => Promise<void>;

/** What a step records about several messages it sends together, in the one transaction that stores them all. */
export type SendAllEffect = (
  manager: EntityManager,
  messages: readonly SentMessageEntity[],
  now: string,
) => Promise<void>;

/** Content that holds a value only the storing transaction can give (a notice's number). */
export type BodyInTransaction<B> = (manager: EntityManager) => Promise<B>;

/** SendEffect with the body that was built in the same transaction. */
export type BuiltSendEffect<B> = (
  manager: EntityManager,
  message: SentMessageEntity,
  body: B,
  now: string,
) => Promise<void>;

/** Like SendEffect, and says whether the answer is due at all (false: a second copy, or answered before). */
export type AnswerEffect = (manager: EntityManager, message: SentMessageEntity, now: string) => Promise<boolean>;

/**
 * The one way out of this node: seal, store (with the step's effect, one transaction), publish.
 * The message is durable once stored: a failed publish is left to the republisher.
 */
@Injectable()
export class OutboxSender {
  constructor(
    private readonly resolver: RecipientResolver,
    private readonly envelopes: OutgoingEnvelopeFactory,
    private readonly sent: SentMessageRepository,
    private readonly publisher: OutboxPublisher,
    private readonly writer: SerialWriter,
    private readonly handling: InheritedHandling,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Encrypted for each addressee; published at once only if the bus is up, so a person gets the 201 without waiting. */
  async send(outgoing: Outgoing, effect?: SendEffect): Promise<SentMessageEntity> {
    const { addressees, keys } = await this.resolver.resolve(outgoing.to);
    const meta = await this.handling.apply(outgoing.kind, outgoing.meta);
    const message = await this.envelopes.seal({ ...outgoing, meta, recipients: keys });
    await this.store(message, addressees, async (manager, stored, now) => {
      if (effect) await effect(manager, stored, now);
      return true;
    });
    await this.publisher.publishIfUp(message);
    return message;
  }

  /**
   * As `send`, for content that takes a value from the transaction that stores it: the body is
   * built, sealed and stored with the step's effect in one transaction, so what the body took is
   * given back if any of it fails. The recipients are resolved before; the sealing waits in the
   * transaction, which suits rare steps (a notice's publication) only.
   */
  async sendBuilt<B>(
    outgoing: Omit<Outgoing, 'body'>,
    build: BodyInTransaction<B>,
    effect: BuiltSendEffect<B>,
  ): Promise<{ message: SentMessageEntity; body: B }> {
    const { addressees, keys } = await this.resolver.resolve(outgoing.to);
    const meta = await this.handling.apply(outgoing.kind, outgoing.meta);
    const now = this.clock.now().toISOString();
    const built = await this.writer.transaction(async (manager) => {
      const body = await build(manager);
      const message = await this.envelopes.seal({ ...outgoing, meta, body, recipients: keys });
      await effect(manager, message, body, now);
      await this.sent.insert(manager, message, addressees, now);
      await recordRequestAnswer(manager, message, now);
      return { message, body };
    });
    await this.publisher.publishIfUp(built.message);
    return built;
  }

  /**
   * Several envelopes of one step (more than one envelope carries): all stored with the step's
   * effect in one transaction, or none; then each published as `send` does.
   */
  async sendAll(outgoings: readonly Outgoing[], effect: SendAllEffect): Promise<SentMessageEntity[]> {
    const sealed: Array<{ message: SentMessageEntity; addressees: string[] }> = [];
    for (const outgoing of outgoings) {
      const { addressees, keys } = await this.resolver.resolve(outgoing.to);
      const meta = await this.handling.apply(outgoing.kind, outgoing.meta);
      sealed.push({ message: await this.envelopes.seal({ ...outgoing, meta, recipients: keys }), addressees });
    }
    const now = this.clock.now().toISOString();
    const messages = sealed.map(({ message }) => message);
    await this.writer.transaction(async (manager) => {
      await effect(manager, messages, now);
      for (const { message, addressees } of sealed) {
        await this.sent.insert(manager, message, addressees, now);
        await recordRequestAnswer(manager, message, now);
      }
    });
    for (const message of messages) await this.publisher.publishIfUp(message);
    return messages;
  }

  /**
   * Answers a delivery (its receipt, or its signed rejection). Stored only when `effect` finds it
   * due, and published before the delivery is acked: a bus that blinks is waited for.
   */
  async answer(receipt: OutgoingReceipt, effect: AnswerEffect): Promise<SentMessageEntity | undefined> {
    const message = await this.envelopes.seal({ ...receipt, recipients: [] });
    if (!(await this.store(message, receipt.to, effect))) return undefined;
    // Arrivals are answered one after another: the mark is written with the next ones, not waited for.
    await this.publisher.publish(message, message.id, 'deferred');
    return message;
  }

  private store(message: SentMessageEntity, addressees: readonly string[], effect: AnswerEffect): Promise<boolean> {
    const now = this.clock.now().toISOString();
    return this.writer.transaction(async (manager) => {
      if (!(await effect(manager, message, now))) return false;
      await this.sent.insert(manager, message, addressees, now);
      await recordRequestAnswer(manager, message, now);
      return true;
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DomainError,
  noticeDraftSchema,
  type EnvelopeMeta,
  type NoticeBody,
  type NoticeDraft,
  type WorkflowNote,
} from '@bureaunet/contracts';
import { CLOCK, type Clock } from '@bureaunet/platform';
import type { Repository } from 'typeorm';
import { ConsoleEventBus } from '../console-events/console-event.bus';
import { givenFields } from '../notice/notice-fields';
import type { NoticeFieldsDto, NoticeStepDto } from '../notice/notice.dto';
import { NoticeService } from '../notice/notice.service';
import { OutboxSender } from '../outbox/outbox.sender';
import { RecipientResolver } from '../outbox/recipient.resolver';
import { NoticeRequestEntity } from '../store/notice-request.entity';
import { NoticeEntity } from '../store/notice.entity';
import { noticeBodyOf, noticeRow } from '../store/notice.rows';
import { nextNoticeSequence } from '../store/notice-number.counter';
import { NoticeRepository } from '../store/notice.repository';
import { assertCancellable, assertPending, assertUpdatable, noticeNumber } from '../store/notice.state';
import { SentMessageRepository } from '../store/sent-message.repository';
import { checkBody } from '../workflow/body.check';
import { bureauOnly } from '../workflow/role.errors';

/** The hub's notices: review (approve, refuse), publication, updates and cancellation everywhere. */
@Injectable()
export class HubNoticeService extends NoticeService {
  constructor(
    @InjectRepository(NoticeEntity) notices: Repository<NoticeEntity>,
    @InjectRepository(NoticeRequestEntity) requests: Repository<NoticeRequestEntity>,
    private readonly outbox: OutboxSender,
    private readonly recipients: RecipientResolver,
    private readonly store: NoticeRepository,
    private readonly sent: SentMessageRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly consoleEvents: ConsoleEventBus,
  ) {
    super(notices, requests);
  }

  request(): Promise<NoticeStepDto> {
    return Promise.reject(bureauOnly('requesting a notice'));
  }

  async cancel(number: string, reason: string): Promise<NoticeStepDto> {
    return this.cancelEverywhere(await this.notice(number), reason);
  }

  reviewQueue(): Promise<NoticeRequestEntity[]> {
    return this.requests.find({
      where: { direction: 'received', state: 'pending' },
      order: { receivedAt: 'ASC', id: 'ASC' },
    });
  }

  async approve(id: string): Promise<NoticeStepDto> {
    const request = await this.pendingRequest(id);
    if (request.body.action === 'cancel') {
      const held = await this.notice(request.body.number);
      if (held.owner !== request.requester)
        throw new DomainError(
          'not-owner',
          `notice ${held.number} is owned by ${held.owner}, not by ${request.requester}`,
          'conflict',
        );
      return this.cancelEverywhere(held, request.body.reason, id);
    }
    return this.publish(request, request.body.notice);
  }

  async refuse(id: string, reason: string): Promise<NoticeStepDto> {
    const request = await this.pendingRequest(id);
    const body: WorkflowNote = { workflow: 'notice-refusal', requestId: id, reason };
    const message = await this.outbox.send(
      { kind: 'message', to: [request.requester], meta: { replyTo: id }, body },
      (manager, _sent, now) => this.store.decideRequest(manager, id, { state: 'refused', reason, decidedAt: now }),
    );
    return { id: message.id };
  }

  async update(number: string, changes: NoticeFieldsDto): Promise<NoticeStepDto> {
    const held = await this.notice(number);
    assertUpdatable(number, held.state);
    const current = noticeBodyOf(held);
    const { subject: currentSubject, ...rest } = current;
    const subject = {
      ...currentSubject,
      ...givenFields(changes, ['familyName', 'givenNames', 'dateOfBirth', 'nationality', 'documentNumbers']),
    };
    const next: NoticeBody = {
      ...rest,
      subject,
      ...givenFields(changes, ['offence', 'expiry']),
      revision: held.revision + 1,
    };
    checkBody(noticeDraftSchema, {
      type: next.type,
      subject: next.subject,
      offence: next.offence,
      expiry: next.expiry,
    });
    const to = await this.reached(held);
    const meta: EnvelopeMeta = {
      noticeType: held.type,
      replyTo: held.envelopeId,
      ...(held.restrictedTo.length > 0 ? { restrictedTo: held.restrictedTo } : {}),
    };
    const message = await this.outbox.send({ kind: 'notice', to, meta, body: next }, async (manager, _sent, now) => {
      await this.store.put(
        manager,
        noticeRow(next, {
          envelopeId: held.envelopeId,
          restrictedTo: held.restrictedTo,
          recipients: held.recipients,
          at: now,
        }),
      );
    });
    this.consoleEvents.publish({ name: 'notice', data: { number, state: 'active' } });
    return { id: message.id, number };
  }

  /**
   * The number is taken inside the transaction that records the approval and stores the signed
   * notice (it is part of the body), so two approvals at once, even in two hub processes on one
   * PostgreSQL database, never share one, and a publication that fails gives its number back.
   */
  private async publish(request: NoticeRequestEntity, draft: NoticeDraft): Promise<NoticeStepDto> {
    const now = this.clock.now();
    const year = now.getUTCFullYear();
    const recipients = await this.recipients.everyone(request.restrictedTo);
    if (recipients.length === 0)
      throw new DomainError('no-recipients', 'no active bureau may receive this notice', 'conflict');
    const meta: EnvelopeMeta = {
      noticeType: draft.type,
      ...(request.restrictedTo.length > 0 ? { restrictedTo: request.restrictedTo } : {}),
    };
    const { message, body } = await this.outbox.sendBuilt(
      { kind: 'notice', to: recipients, meta },
      async (manager): Promise<NoticeBody> => ({
        ...draft,
        number: noticeNumber(await nextNoticeSequence(manager, year), year),
        owner: request.requester,
        revision: 1,
        publishedAt: now.toISOString(),
        requestId: request.id,
      }),
      async (manager, sent, published, at) => {
        await this.store.decideRequest(manager, request.id, {
          state: 'approved',
          noticeNumber: published.number,
          decidedAt: at,
        });
        await this.store.put(
          manager,
          noticeRow(published, { envelopeId: sent.id, restrictedTo: request.restrictedTo, recipients, at }),
        );
      },
    );
    this.consoleEvents.publish({ name: 'notice', data: { number: body.number, state: 'active' } });
    return { id: message.id, number: body.number };
  }

  private async cancelEverywhere(held: NoticeEntity, reason: string, requestId?: string): Promise<NoticeStepDto> {
    assertCancellable(held.number, held.state);
    const to = await this.reached(held);
    const meta: EnvelopeMeta = {
      noticeType: held.type,
      replyTo: held.envelopeId,
      ...(held.restrictedTo.length > 0 ? { restrictedTo: held.restrictedTo } : {}),
    };
    const message = await this.outbox.send(
      { kind: 'notice-cancel', to, meta, body: { number: held.number, reason } },
      async (manager, _sent, now) => {
        if (requestId) await this.store.decideRequest(manager, requestId, { state: 'approved', decidedAt: now });
        // Checked again where writes are serial: of two cancellations at once, one is sent.
        if (!(await this.store.cancel(manager, held.number, reason, now)))
          throw new DomainError('notice-cancelled', `notice ${held.number} is already cancelled`, 'conflict');
      },
    );
    this.consoleEvents.publish({ name: 'notice', data: { number: held.number, state: 'cancelled' } });
    return { id: message.id, number: held.number };
  }

  /** Every bureau the publication was addressed to, but those the gateway refused. */
  private async reached(held: NoticeEntity): Promise<string[]> {
    const refused = new Set(
      (await this.sent.findRecipients([held.envelopeId]))
        .filter((recipient) => recipient.state === 'refused')
        .map((recipient) => recipient.code),
    );
    const to = held.recipients.filter((code) => !refused.has(code));
    if (to.length === 0) throw new DomainError('no-recipients', `notice ${held.number} reached no bureau`, 'conflict');
    return to;
  }

  private async pendingRequest(id: string): Promise<NoticeRequestEntity> {
    const request = await this.requests.findOneBy({ id, direction: 'received' });
    if (!request) throw new DomainError('request-not-found', `no notice request ${id} was received here`, 'not-found');
    assertPending(id, request.state);
    return request;
  }
}

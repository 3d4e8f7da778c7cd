import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DomainError,
  HUB_CODE,
  noticeDraftSchema,
  type EnvelopeMeta,
  type NoticeBody,
  type NoticeDraft,
  type WorkflowNote,
} from '@bureaunet/contracts';
import type { Repository } from 'typeorm';
import { SentMessageRepository } from '../store/sent-message.repository';
import { checkBody } from '../workflow/body.check';
import { WorkflowSender } from '../workflow/workflow.sender';
import { NoticeRequestEntity } from '../store/notice-request.entity';
import type { NoticeFieldsDto, NoticeStepDto, RequestNoticeDto } from './notice.dto';
import { NoticeEntity } from '../store/notice.entity';
import { noticeBodyOf, noticeRow } from '../store/notice.rows';
import { assertCancellable, assertPending, assertUpdatable, noticeNumber } from '../store/notice.state';
import { NoticeRepository } from '../store/notice.repository';

/** The notice lifecycle: request (bureau) → review, approve or refuse (hub) → update, cancel. */
@Injectable()
export class NoticeService {
  private numbering: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly sender: WorkflowSender,
    private readonly store: NoticeRepository,
    private readonly sent: SentMessageRepository,
    @InjectRepository(NoticeEntity) private readonly notices: Repository<NoticeEntity>,
    @InjectRepository(NoticeRequestEntity) private readonly requests: Repository<NoticeRequestEntity>,
  ) {}

  async request(dto: RequestNoticeDto): Promise<NoticeStepDto> {
    this.sender.requireBureau('requesting a notice');
    const notice = checkBody(noticeDraftSchema, draftOf(dto));
    const restrictedTo = dto.restrictedTo ?? [];
    const body = { action: 'publish' as const, notice };
    const meta: EnvelopeMeta = { noticeType: notice.type, ...(restrictedTo.length > 0 ? { restrictedTo } : {}) };
    const message = await this.sender.send(
      { kind: 'notice-request', to: [HUB_CODE], meta, body },
      (manager, sent, now) =>
        manager
          .insert(NoticeRequestEntity, {
            id: sent.id,
            direction: 'sent',
            requester: this.sender.code,
            body,
            restrictedTo,
            state: 'pending',
            noticeNumber: null,
            reason: null,
            receivedAt: now,
            decidedAt: null,
          })
          .then(() => undefined),
    );
    return { id: message.id };
  }

  /** A bureau asks the hub to cancel a notice it owns; the hub cancels at once. */
  async cancel(number: string, reason: string): Promise<NoticeStepDto> {
    if (this.sender.isHub) return this.cancelAsHub(await this.notice(number), reason);
    const held = await this.notice(number);
    if (held.owner !== this.sender.code)
      throw new DomainError(
        'not-owner',
        `notice ${number} is owned by ${held.owner}: only its owner or the hub cancels it`,
        'forbidden',
      );
    const body = { action: 'cancel' as const, number, reason };
    const message = await this.sender.send(
      { kind: 'notice-request', to: [HUB_CODE], meta: { noticeType: held.type, replyTo: held.envelopeId }, body },
      (manager, sent, now) =>
        manager
          .insert(NoticeRequestEntity, {
            id: sent.id,
            direction: 'sent',
            requester: this.sender.code,
            body,
            restrictedTo: [],
            state: 'pending',
            noticeNumber: number,
            reason: null,
            receivedAt: now,
            decidedAt: null,
          })
          .then(() => undefined),
    );
    return { id: message.id, number };
  }

  reviewQueue(): Promise<NoticeRequestEntity[]> {
    this.sender.requireHub('the review queue');
    return this.requests.find({
      where: { direction: 'received', state: 'pending' },
      order: { receivedAt: 'ASC', id: 'ASC' },
    });
  }

  listRequests(): Promise<NoticeRequestEntity[]> {
    return this.requests.find({ order: { receivedAt: 'DESC', id: 'DESC' }, take: 500 });
  }

  async approve(id: string): Promise<NoticeStepDto> {
    this.sender.requireHub('approving a notice request');
    const request = await this.pendingRequest(id);
    if (request.body.action === 'cancel') {
      const held = await this.notice(request.body.number);
      if (held.owner !== request.requester)
        throw new DomainError(
          'not-owner',
          `notice ${held.number} is owned by ${held.owner}, not by ${request.requester}`,
          'conflict',
        );
      return this.cancelAsHub(held, request.body.reason, id);
    }
    const draft = request.body.notice;
    return this.serialised(() => this.publish(request, draft));
  }

  async refuse(id: string, reason: string): Promise<NoticeStepDto> {
    this.sender.requireHub('refusing a notice request');
    const request = await this.pendingRequest(id);
    const body: WorkflowNote = { workflow: 'notice-refusal', requestId: id, reason };
    const message = await this.sender.send(
      { kind: 'message', to: [request.requester], meta: { replyTo: id }, body },
      (manager, _sent, now) => this.store.decideRequest(manager, id, { state: 'refused', reason, decidedAt: now }),
    );
    return { id: message.id };
  }

  async update(number: string, changes: NoticeFieldsDto): Promise<NoticeStepDto> {
    this.sender.requireHub('updating a notice');
    const held = await this.notice(number);
    assertUpdatable(number, held.state);
    const current = noticeBodyOf(held);
    const { subject: currentSubject, ...rest } = current;
    const subject = {
      ...currentSubject,
      ...pick(changes, ['familyName', 'givenNames', 'dateOfBirth', 'nationality', 'documentNumbers']),
    };
    const next: NoticeBody = { ...rest, subject, ...pick(changes, ['offence', 'expiry']), revision: held.revision + 1 };
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
    const message = await this.sender.send({ kind: 'notice', to, meta, body: next }, async (manager, _sent, now) => {
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
    return { id: message.id, number };
  }

  private async publish(request: NoticeRequestEntity, draft: NoticeDraft): Promise<NoticeStepDto> {
    const now = this.sender.now();
    const year = now.getUTCFullYear();
    const seq =
      (await this.notices
        .createQueryBuilder('notice')
        .where('notice.number LIKE :year', { year: `A-%/${year}` })
        .getCount()) + 1;
    const number = noticeNumber(seq, year);
    const recipients = await this.sender.activeBureaus(request.restrictedTo);
    if (recipients.length === 0)
      throw new DomainError('no-recipients', 'no active bureau may receive this notice', 'conflict');
    const body: NoticeBody = {
      ...draft,
      number,
      owner: request.requester,
      revision: 1,
      publishedAt: now.toISOString(),
      requestId: request.id,
    };
    const meta: EnvelopeMeta = {
      noticeType: draft.type,
      ...(request.restrictedTo.length > 0 ? { restrictedTo: request.restrictedTo } : {}),
    };
    const message = await this.sender.send(
      { kind: 'notice', to: recipients, meta, body },
      async (manager, sent, at) => {
        await this.store.decideRequest(manager, request.id, { state: 'approved', noticeNumber: number, decidedAt: at });
        await this.store.put(
          manager,
          noticeRow(body, { envelopeId: sent.id, restrictedTo: request.restrictedTo, recipients, at }),
        );
      },
    );
    return { id: message.id, number };
  }

  private async cancelAsHub(held: NoticeEntity, reason: string, requestId?: string): Promise<NoticeStepDto> {
    assertCancellable(held.number, held.state);
    const to = await this.reached(held);
    const meta: EnvelopeMeta = {
      noticeType: held.type,
      replyTo: held.envelopeId,
      ...(held.restrictedTo.length > 0 ? { restrictedTo: held.restrictedTo } : {}),
    };
    const message = await this.sender.send(
      { kind: 'notice-cancel', to, meta, body: { number: held.number, reason } },
      async (manager, _sent, now) => {
        if (requestId) await this.store.decideRequest(manager, requestId, { state: 'approved', decidedAt: now });
        // Checked again where writes are serial: of two cancellations at once, one is sent.
        if (!(await this.store.cancel(manager, held.number, reason, now)))
          throw new DomainError('notice-cancelled', `notice ${held.number} is already cancelled`, 'conflict');
      },
    );
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

  private async notice(number: string): Promise<NoticeEntity> {
    const held = await this.notices.findOneBy({ number });
    if (!held) throw new DomainError('notice-not-found', `no notice ${number} is held here`, 'not-found');
    return held;
  }

  private async pendingRequest(id: string): Promise<NoticeRequestEntity> {
    const request = await this.requests.findOneBy({ id, direction: 'received' });
    if (!request) throw new DomainError('request-not-found', `no notice request ${id} was received here`, 'not-found');
    assertPending(id, request.state);
    return request;
  }

  // One publication at a time, so two approvals never take the same number.
  private serialised<T>(step: () => Promise<T>): Promise<T> {
    const run = this.numbering.then(step, step);
    this.numbering = run.catch(() => undefined);
    return run;
  }
}

function draftOf(dto: RequestNoticeDto): unknown {
  return {
    type: dto.type,
    subject: {
      familyName: dto.familyName,
      ...pick(dto, ['givenNames', 'dateOfBirth', 'nationality', 'documentNumbers']),
    },
    offence: dto.offence,
    expiry: dto.expiry,
  };
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) if (value[key] !== undefined) picked[key] = value[key];
  return picked;
}

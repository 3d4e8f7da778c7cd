import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DomainError,
  HUB_CODE,
  noticeDraftSchema,
  type EnvelopeMeta,
  type NoticeRequestBody,
} from '@bureaunet/contracts';
import { BUREAU_IDENTITY, type BureauIdentity } from '@bureaunet/identity';
import type { EntityManager, Repository } from 'typeorm';
import { givenFields } from '../notice/notice-fields';
import type { NoticeStepDto, RequestNoticeDto } from '../notice/notice.dto';
import { NoticeService } from '../notice/notice.service';
import { OutboxSender } from '../outbox/outbox.sender';
import { NoticeRequestEntity } from '../store/notice-request.entity';
import { NoticeEntity } from '../store/notice.entity';
import { checkBody } from '../workflow/body.check';
import { hubOnly } from '../workflow/role.errors';

/** A bureau's notices: it asks the hub to publish or to cancel, and the hub decides. */
@Injectable()
export class BureauNoticeService extends NoticeService {
  constructor(
    @InjectRepository(NoticeEntity) notices: Repository<NoticeEntity>,
    @InjectRepository(NoticeRequestEntity) requests: Repository<NoticeRequestEntity>,
    private readonly outbox: OutboxSender,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
  ) {
    super(notices, requests);
  }

  async request(dto: RequestNoticeDto): Promise<NoticeStepDto> {
    const notice = checkBody(noticeDraftSchema, draftOf(dto));
    const restrictedTo = dto.restrictedTo ?? [];
    const body = { action: 'publish' as const, notice };
    const meta: EnvelopeMeta = { noticeType: notice.type, ...(restrictedTo.length > 0 ? { restrictedTo } : {}) };
    const message = await this.outbox.send(
      { kind: 'notice-request', to: [HUB_CODE], meta, body },
      (manager, sent, now) =>
        this.recordRequest(manager, { id: sent.id, body, restrictedTo, noticeNumber: null, at: now }),
    );
    return { id: message.id };
  }

  async cancel(number: string, reason: string): Promise<NoticeStepDto> {
    const held = await this.notice(number);
    if (held.owner !== this.identity.code)
      throw new DomainError(
        'not-owner',
        `notice ${number} is owned by ${held.owner}: only its owner or the hub cancels it`,
        'forbidden',
      );
    const body = { action: 'cancel' as const, number, reason };
    const message = await this.outbox.send(
      { kind: 'notice-request', to: [HUB_CODE], meta: { noticeType: held.type, replyTo: held.envelopeId }, body },
      (manager, sent, now) =>
        this.recordRequest(manager, { id: sent.id, body, restrictedTo: [], noticeNumber: number, at: now }),
    );
    return { id: message.id, number };
  }

  reviewQueue(): Promise<NoticeRequestEntity[]> {
    return Promise.reject(hubOnly('the review queue', this.identity.code));
  }

  approve(): Promise<NoticeStepDto> {
    return Promise.reject(hubOnly('approving a notice request', this.identity.code));
  }

  refuse(): Promise<NoticeStepDto> {
    return Promise.reject(hubOnly('refusing a notice request', this.identity.code));
  }

  update(): Promise<NoticeStepDto> {
    return Promise.reject(hubOnly('updating a notice', this.identity.code));
  }

  // The request as sent, pending until the hub's answer arrives.
  private async recordRequest(
    manager: EntityManager,
    request: { id: string; body: NoticeRequestBody; restrictedTo: string[]; noticeNumber: string | null; at: string },
  ): Promise<void> {
    await manager.insert(NoticeRequestEntity, {
      id: request.id,
      direction: 'sent',
      requester: this.identity.code,
      body: request.body,
      restrictedTo: request.restrictedTo,
      state: 'pending',
      noticeNumber: request.noticeNumber,
      reason: null,
      receivedAt: request.at,
      decidedAt: null,
    });
  }
}

function draftOf(dto: RequestNoticeDto): unknown {
  return {
    type: dto.type,
    subject: {
      familyName: dto.familyName,
      ...givenFields(dto, ['givenNames', 'dateOfBirth', 'nationality', 'documentNumbers']),
    },
    offence: dto.offence,
    expiry: dto.expiry,
  };
}

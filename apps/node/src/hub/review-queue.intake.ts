import { Injectable } from '@nestjs/common';
import type { EnvelopePayload, NoticeRequestBody } from '@bureaunet/contracts';
import type { EntityManager } from 'typeorm';
import { NoticeRequestEntity } from '../store/notice-request.entity';
import { NoticeRequestIntake } from '../workflow/notice-request.intake';

/** A bureau's notice request joins the hub's review queue, pending. */
@Injectable()
export class ReviewQueueIntake extends NoticeRequestIntake {
  async receive(
    manager: EntityManager,
    payload: EnvelopePayload,
    request: NoticeRequestBody,
    at: string,
  ): Promise<void> {
    await manager.insert(NoticeRequestEntity, {
      id: payload.id,
      direction: 'received',
      requester: payload.from,
      body: request,
      restrictedTo: payload.meta.restrictedTo ?? [],
      state: 'pending',
      noticeNumber: null,
      reason: null,
      receivedAt: at,
      decidedAt: null,
    });
  }
}

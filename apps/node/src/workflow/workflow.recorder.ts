import { Injectable, Logger, Optional } from '@nestjs/common';
import {
  diffusionBodySchema,
  hitConfirmationBodySchema,
  hitNotificationBodySchema,
  HUB_CODE,
  noticeBodySchema,
  noticeCancelBodySchema,
  noticeRequestBodySchema,
  schemaIssues,
  travelDocumentChangeBodySchema,
  workflowNoteSchema,
  type EnvelopePayload,
} from '@bureaunet/contracts';
import type { EntityManager } from 'typeorm';
import type { ZodType, ZodTypeDef } from 'zod';
import type { ConsoleEvent } from '../console-events/console-event';
import { RequestTracker } from '../deadline/request.tracker';
import { DiffusionEntity } from '../store/diffusion.entity';
import { NoticeRequestEntity } from '../store/notice-request.entity';
import { noticeRow } from '../store/notice.rows';
import { NoticeRepository } from '../store/notice.repository';
import { HitArrivalRecorder } from './hit-arrival.recorder';
import { NoticeRequestIntake } from './notice-request.intake';
import { TravelDocumentRecordIntake } from './travel-document-record.intake';

/**
 * The workflow effect of a received message, recorded in the transaction that stores it: a
 * notice becomes active, a cancellation cancels it, a request joins the review queue… A body that
 * does not fit its schema, or a step from a party not entitled to it, has no effect (the message
 * stays in the inbox as received). Returns the console events the effect calls for, to be
 * published once the transaction has committed (never before: a rollback would undo what they say).
 */
@Injectable()
export class WorkflowRecorder {
  private readonly logger = new Logger(WorkflowRecorder.name);

  constructor(
    private readonly notices: NoticeRepository,
    private readonly hits: HitArrivalRecorder,
    // Provided on the hub only: a bureau keeps no review queue.
    @Optional() private readonly intake?: NoticeRequestIntake,
    // Provided on the hub only: its databases service keeps the travel-document index.
    @Optional() private readonly records?: TravelDocumentRecordIntake,
    // Tracks the deadlines of queries and requests received here (GET /api/requests).
    @Optional() private readonly requests?: RequestTracker,
  ) {}

  async record(manager: EntityManager, payload: EnvelopePayload, body: unknown, at: string): Promise<ConsoleEvent[]> {
    const events: ConsoleEvent[] = [];
    await this.apply(manager, payload, body, at, events);
    return events;
  }

  private async apply(
    manager: EntityManager,
    payload: EnvelopePayload,
    body: unknown,
    at: string,
    events: ConsoleEvent[],
  ): Promise<void> {
    switch (payload.kind) {
      case 'notice':
        return this.fromHub(payload, body, noticeBodySchema, async (notice) => {
          await this.notices.put(
            manager,
            noticeRow(notice, {
              envelopeId: payload.meta.replyTo ?? payload.id,
              restrictedTo: payload.meta.restrictedTo ?? [],
              recipients: [],
              at,
            }),
          );
          if (notice.requestId)
            await manager.update(
              NoticeRequestEntity,
              { id: notice.requestId, direction: 'sent' },
              { state: 'approved', noticeNumber: notice.number, decidedAt: at },
            );
          events.push({ name: 'notice', data: { number: notice.number, state: 'active' } });
        });
      case 'notice-cancel':
        return this.fromHub(payload, body, noticeCancelBodySchema, async (cancel) => {
          if (await this.notices.cancel(manager, cancel.number, cancel.reason, at))
            events.push({ name: 'notice', data: { number: cancel.number, state: 'cancelled' } });
          else this.logger.warn(`cancellation of notice ${cancel.number}, which is not active here`);
        });
      case 'notice-request':
        return this.noticeRequest(manager, payload, body, at, events);
      case 'diffusion':
        return this.parsed(payload, body, diffusionBodySchema, async (diffusion) => {
          await manager.insert(DiffusionEntity, {
            id: payload.id,
            direction: 'received',
            from: payload.from,
            recipients: payload.to === 'all' ? ['all'] : payload.to,
            body: diffusion,
            state: 'active',
            receivedAt: at,
            withdrawnAt: null,
            withdrawReason: null,
            // The hub reviews every diffusion it receives, whatever route built it.
            reviewState: this.intake ? 'pending' : null,
            reviewedBy: null,
            reviewedAt: null,
          });
          // The hub (where the review queue is) checks every diffusion after the fact.
          if (this.intake) events.push({ name: 'review', data: { id: payload.id, kind: 'diffusion' } });
        });
      case 'message':
        return this.note(manager, payload, body, at);
      case 'operation-alert':
        if (payload.meta.operationId)
          events.push({ name: 'alert', data: { operationId: payload.meta.operationId, alertId: payload.id } });
        return undefined; // the alert stays in the inbox; GET /api/operations/:id/alerts lists them
      case 'hit-notification':
        return this.parsed(payload, body, hitNotificationBodySchema, async (hit) => {
          if (await this.hits.notified(manager, payload, hit, at))
            events.push({ name: 'hit', data: { id: payload.id } });
        });
      case 'hit-confirmation':
        return this.parsed(payload, body, hitConfirmationBodySchema, async (answer) => {
          const hitId = await this.hits.confirmed(manager, payload, answer, at);
          if (hitId)
            events.push({ name: 'hit-answer', data: { id: hitId, confirmed: answer.answer !== 'not-confirmed' } });
        });
      case 'travel-document-record':
        return this.travelDocumentRecord(manager, payload, body, at);
      case 'query':
      case 'request':
        await this.requests?.received(manager, payload, at);
        return undefined;
      default:
        return undefined;
    }
  }

  private async noticeRequest(
    manager: EntityManager,
    payload: EnvelopePayload,
    body: unknown,
    at: string,
    events: ConsoleEvent[],
  ): Promise<void> {
    const intake = this.intake;
    if (!intake) return;
    await this.parsed(payload, body, noticeRequestBodySchema, async (request) => {
      await intake.receive(manager, payload, request, at);
      events.push({ name: 'review', data: { id: payload.id, kind: 'notice-request' } });
    });
  }

  private async travelDocumentRecord(
    manager: EntityManager,
    payload: EnvelopePayload,
    body: unknown,
    at: string,
  ): Promise<void> {
    const records = this.records;
    if (!records) return this.ignore(payload, 'only the hub keeps the travel-document index');
    // The issues name fields and limits, never the values: no index or blob reaches the log.
    await this.parsed(payload, body, travelDocumentChangeBodySchema, (changes) =>
      records.receive(manager, payload, changes, at),
    );
  }

  private async note(manager: EntityManager, payload: EnvelopePayload, body: unknown, at: string): Promise<void> {
    const checked = workflowNoteSchema.safeParse(body);
    if (!checked.success) return; // a plain message
    const note = checked.data;
    switch (note.workflow) {
      case 'notice-refusal':
        if (payload.from !== HUB_CODE) return this.ignore(payload, 'a notice refusal comes from the hub');
        await manager.update(
          NoticeRequestEntity,
          { id: note.requestId, direction: 'sent', state: 'pending' },
          { state: 'refused', reason: note.reason, decidedAt: at },
        );
        return;
      case 'diffusion-withdrawal':
        if (payload.from !== HUB_CODE) return this.ignore(payload, 'a diffusion withdrawal comes from the hub');
        await manager.update(
          DiffusionEntity,
          { id: note.diffusionId, state: 'active' },
          { state: 'withdrawn', withdrawnAt: at, withdrawReason: note.reason },
        );
        return;
      case 'operation-reply':
        return; // the reply stays in the inbox; GET /api/operations/:id/replies lists them
    }
  }

  private fromHub<T>(
    payload: EnvelopePayload,
    body: unknown,
    schema: ZodType<T, ZodTypeDef, unknown>,
    apply: (value: T) => Promise<void>,
  ): Promise<void> {
    if (payload.from !== HUB_CODE) return this.ignore(payload, `only the hub sends ${payload.kind}`);
    return this.parsed(payload, body, schema, apply);
  }

  private async parsed<T>(
    payload: EnvelopePayload,
    body: unknown,
    schema: ZodType<T, ZodTypeDef, unknown>,
    apply: (value: T) => Promise<void>,
  ): Promise<void> {
    const checked = schema.safeParse(body);
    if (!checked.success) return this.ignore(payload, schemaIssues(checked.error));
    await apply(checked.data);
  }

  private ignore(payload: EnvelopePayload, why: string): Promise<void> {
    this.logger.warn(`${payload.kind} ${payload.id} from ${payload.from} has no workflow effect: ${why}`);
    return Promise.resolve();
  }
}

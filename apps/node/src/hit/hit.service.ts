import { Inject, Injectable } from '@nestjs/common';
import { DomainError, hitConfirmationBodySchema, type HitConfirmationBody } from '@bureaunet/contracts';
import { BUREAU_IDENTITY, type BureauIdentity } from '@bureaunet/identity';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock, type Role } from '@bureaunet/platform';
import type { EntityManager } from 'typeorm';
import { ConsoleEventBus } from '../console-events/console-event.bus';
import { OutboxSender } from '../outbox/outbox.sender';
import type { HitDirection, HitEntity } from '../store/hit.entity';
import { HitRepository } from '../store/hit.repository';
import { answerRecord, assertAnswerable, assertAnswerFits } from '../store/hit.state';
import { checkBody } from '../workflow/body.check';
import { HIT_PAGE_SIZE, type AnswerHitDto, type HitDto, type HitListQueryDto, type HitPageDto } from './hit.dto';
import { hitView } from './hit.views';

/** The hit routes: the owner's officers list and answer the hits on their records; the checkers follow theirs. */
@Injectable()
export class HitService {
  constructor(
    private readonly hits: HitRepository,
    private readonly outbox: OutboxSender,
    private readonly writer: SerialWriter,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly consoleEvents: ConsoleEventBus,
  ) {}

  async list(query: HitListQueryDto, role: Role | undefined): Promise<HitPageDto> {
    this.assertMayRead(role, query.direction);
    const now = this.clock.now();
    const limit = query.limit ?? HIT_PAGE_SIZE;
    const rows = await this.hits.list({ ...query, limit, now: now.toISOString() });
    const items = rows.map((row) => hitView(row, now));
    return { items, next: items.length === limit ? items[items.length - 1].id : null };
  }

  async get(id: string, role: Role | undefined): Promise<HitDto> {
    const row = await this.find(id);
    // A hit on this bureau's own record is received here but comes from a check made here too.
    if (row.counterpart !== this.identity.code) this.assertMayRead(role, row.direction);
    return hitView(row, this.clock.now());
  }

  /**
   * The owner's answer, sent to the checker as a hit-confirmation (replyTo the hit) in the
   * transaction that records it: the first answer wins, a second is a 409. Past answerBy it is
   * still sent, and both ends keep it as late.
   */
  async answer(id: string, dto: AnswerHitDto): Promise<HitDto> {
    const row = await this.find(id);
    assertAnswerable(row);
    assertAnswerFits(row.hit, dto);
    const confirmation = checkBody(hitConfirmationBodySchema, {
      checkId: row.checkId,
      answer: dto.answer,
      ...(dto.status ? { status: dto.status } : {}),
      ...(dto.note ? { note: dto.note } : {}),
    });
    if (row.counterpart === this.identity.code) {
      await this.writer.transaction((manager) => this.record(manager, row, confirmation, null, this.now()));
      // A hit on this bureau's own record: its checker is here, and hears the answer here.
      this.consoleEvents.publish({
        name: 'hit-answer',
        data: { id: row.id, confirmed: confirmation.answer !== 'not-confirmed' },
      });
    } else
      await this.outbox.send(
        {
          kind: 'hit-confirmation',
          to: [row.counterpart],
          meta: { replyTo: row.id, priority: 'immediate' },
          body: confirmation,
        },
        (manager, sent, now) => this.record(manager, row, confirmation, sent.id, now),
      );
    return hitView(await this.find(id), this.clock.now());
  }

  // Conditional on the stored state, so two officers answering at once send one confirmation: the
  // second transaction finds it answered and rolls back with its envelope.
  private async record(
    manager: EntityManager,
    row: HitEntity,
    confirmation: HitConfirmationBody,
    envelopeId: string | null,
    now: string,
  ): Promise<void> {
    const answer = answerRecord(confirmation, { answeredAt: now, envelopeId, answerBy: row.answerBy });
    if (!(await this.hits.answer(manager, row.id, 'received', answer)))
      throw new DomainError('hit-answered', `hit ${row.id} is already answered`, 'conflict');
  }

  private async find(id: string): Promise<HitEntity> {
    const row = await this.hits.findById(id);
    if (!row) throw new DomainError('hit-not-found', `no hit ${id} here`, 'not-found');
    return row;
  }

  // A border officer follows the hits of checks made here, not the checks other bureaus made on ours.
  private assertMayRead(role: Role | undefined, direction: HitDirection): void {
    if (role === 'border-officer' && direction !== 'sent')
      throw new DomainError('role-forbidden', 'the border-officer role sees only the hits sent from here', 'forbidden');
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

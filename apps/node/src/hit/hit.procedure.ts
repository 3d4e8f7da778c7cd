import { Inject, Injectable, Logger } from '@nestjs/common';
import { hitNotificationBodySchema, type BureauCode, type HitNotificationBody } from '@bureaunet/contracts';
import { BUREAU_IDENTITY, type BureauIdentity } from '@bureaunet/identity';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { ConsoleEventBus } from '../console-events/console-event.bus';
import { EnvelopeIdGenerator } from '../id/envelope-id.generator';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import { OutboxSender } from '../outbox/outbox.sender';
import type { HitDirection, HitEntity } from '../store/hit.entity';
import { HitRepository } from '../store/hit.repository';
import { canonicalInstant, hitAnswerBy } from '../store/hit.state';
import { checkBody } from '../workflow/body.check';
import type { HitStatus } from './hit.dto';
import { hitStatus } from './hit.views';

export interface HitToNotify {
  checkId: string;
  /** The bureau owning what matched: the document's issuer, or the notice's or diffusion's owner. */
  owner: BureauCode;
  hit: HitNotificationBody['hit'];
  checkedAt: string;
  place: string;
}

export interface StartedHit {
  hitId: string;
  answerBy: string;
}

/**
 * The hit procedure at the checking end: sends the owner a signed hit-notification at once (the
 * gateway ledgers it like every envelope) and keeps the hit, whose answer arrives as a
 * hit-confirmation (HitArrivalRecorder) or not by answerBy (HitDeadlineSweep).
 */
@Injectable()
export class HitProcedure {
  private readonly logger = new Logger(HitProcedure.name);

  constructor(
    private readonly outbox: OutboxSender,
    private readonly hits: HitRepository,
    private readonly ids: EnvelopeIdGenerator,
    private readonly writer: SerialWriter,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly consoleEvents: ConsoleEventBus,
  ) {}

  /** The notification and the sent hit commit together; published at once if the bus is up, else by the republisher. */
  async notify(hit: HitToNotify): Promise<StartedHit> {
    const checked = checkBody(hitNotificationBodySchema.omit({ answerBy: true }), {
      checkId: hit.checkId,
      hit: hit.hit,
      checkedAt: hit.checkedAt,
      place: hit.place,
    });
    const checkedAt = canonicalInstant(checked.checkedAt);
    const answerBy = hitAnswerBy(checkedAt, this.config.hitDeadlineMs);
    const body: HitNotificationBody = { ...checked, checkedAt, answerBy };
    if (hit.owner === this.identity.code) return this.ownRecord(body);
    const message = await this.outbox.send(
      { kind: 'hit-notification', to: [hit.owner], meta: { recordOwner: hit.owner, priority: 'immediate' }, body },
      async (manager, sent, now) => {
        await this.hits.insert(manager, hitRow(sent.id, 'sent', hit.owner, body, now));
      },
    );
    this.logger.log(`hit ${message.id} (check ${body.checkId}) notified to ${hit.owner}: answer by ${answerBy}`);
    this.consoleEvents.publish({ name: 'hit', data: { id: message.id } });
    return { hitId: message.id, answerBy };
  }

  /** What a check's detail shows of its hit: the countdown, then the answer; null for an unknown id. */
  async status(hitId: string): Promise<HitStatus | null> {
    const row = await this.hits.findById(hitId);
    return row ? hitStatus(row, this.clock.now()) : null;
  }

  // The owner is this bureau: nothing crosses a border, so no envelope. Its officers answer the
  // hit among the received ones (counterpart = this bureau), and the answer stays here.
  private async ownRecord(body: HitNotificationBody): Promise<StartedHit> {
    const id = this.ids.next();
    await this.writer.transaction((manager) =>
      this.hits.insert(manager, hitRow(id, 'received', this.identity.code, body, this.clock.now().toISOString())),
    );
    this.logger.log(`hit ${id} (check ${body.checkId}) on a record of this bureau: answer by ${body.answerBy}`);
    this.consoleEvents.publish({ name: 'hit', data: { id } });
    return { hitId: id, answerBy: body.answerBy };
  }
}

function hitRow(
  id: string,
  direction: HitDirection,
  counterpart: string,
  body: HitNotificationBody,
  now: string,
): HitEntity {
  return {
    id,
    direction,
    checkId: body.checkId,
    counterpart,
    hit: body.hit,
    checkedAt: body.checkedAt,
    place: body.place,
    answerBy: body.answerBy,
    state: 'awaiting',
    answer: null,
    createdAt: now,
  };
}

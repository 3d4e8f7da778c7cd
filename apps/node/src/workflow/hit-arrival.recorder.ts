import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EnvelopePayload, HitConfirmationBody, HitNotificationBody } from '@bureaunet/contracts';
import { BUREAU_IDENTITY, type BureauIdentity } from '@bureaunet/identity';
import type { EntityManager } from 'typeorm';
import { HitRepository } from '../store/hit.repository';
import { answerRecord, canonicalInstant, confirmationMismatch } from '../store/hit.state';

/**
 * The two steps of a hit procedure that arrive here, recorded with the envelope (WorkflowRecorder
 * has parsed the body): at the owner's node the checker's notification, at the checking node the
 * owner's answer. A step that does not fit has no effect and stays in the inbox as received.
 */
@Injectable()
export class HitArrivalRecorder {
  private readonly logger = new Logger(HitArrivalRecorder.name);

  constructor(
    private readonly hits: HitRepository,
    @Inject(BUREAU_IDENTITY) private readonly identity: Pick<BureauIdentity, 'code'>,
  ) {}

  /** At the owner's node: a hit on one of its records, to be answered by answerBy. True when recorded. */
  async notified(
    manager: EntityManager,
    payload: EnvelopePayload,
    body: HitNotificationBody,
    at: string,
  ): Promise<boolean> {
    const own = this.identity.code;
    if (payload.meta.recordOwner !== own)
      return this.ignore(payload, `meta.recordOwner is ${payload.meta.recordOwner ?? 'missing'}, not ${own}`);
    if (body.hit.kind === 'document' && body.hit.issuingCountry !== own)
      return this.ignore(payload, `the document was issued by ${body.hit.issuingCountry}, not ${own}`);
    const answerBy = canonicalInstant(body.answerBy);
    const inserted = await this.hits.insert(manager, {
      id: payload.id,
      direction: 'received',
      checkId: body.checkId,
      counterpart: payload.from,
      hit: body.hit,
      checkedAt: canonicalInstant(body.checkedAt),
      place: body.place,
      answerBy,
      state: 'awaiting',
      answer: null,
      createdAt: at,
    });
    if (!inserted) return this.ignore(payload, `a hit ${payload.id} is already recorded here`);
    this.logger.log(`hit ${payload.id} on a ${body.hit.kind} record from ${payload.from}: answer by ${answerBy}`);
    return true;
  }

  /**
   * At the checking node: the owner's answer to a hit sent from here (meta.replyTo names it).
   * Returns the hit's id when the answer was recorded, false when it has no effect.
   */
  async confirmed(
    manager: EntityManager,
    payload: EnvelopePayload,
    body: HitConfirmationBody,
    at: string,
  ): Promise<string | false> {
    const hitId = payload.meta.replyTo;
    if (!hitId) return this.ignore(payload, 'meta.replyTo does not name a hit');
    const row = await this.hits.findById(hitId, manager);
    if (!row) return this.ignore(payload, `no hit ${hitId} here`);
    const mismatch = confirmationMismatch(row, { from: payload.from, checkId: body.checkId });
    if (mismatch) return this.ignore(payload, mismatch);
    const answer = answerRecord(body, { answeredAt: at, envelopeId: payload.id, answerBy: row.answerBy });
    if (!(await this.hits.answer(manager, row.id, 'sent', answer)))
      return this.ignore(payload, `hit ${row.id} is already answered`);
    const message = `hit ${row.id} ${answer.answer} by ${payload.from}`;
    if (answer.late) this.logger.warn(`${message}, after its deadline ${row.answerBy}`);
    else this.logger.log(message);
    return row.id;
  }

  private ignore(payload: EnvelopePayload, why: string): false {
    this.logger.warn(`${payload.kind} ${payload.id} from ${payload.from} has no workflow effect: ${why}`);
    return false;
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EnvelopePayload } from '@bureaunet/contracts';
import { BUREAU_IDENTITY, type BureauIdentity } from '@bureaunet/identity';
import type { EntityManager } from 'typeorm';
import { DeliveryRefusal } from '../delivery/delivery-refusal';
import { SentMessageRepository } from '../store/sent-message.repository';
import { consentDecisionBodySchema, consentRequestBodySchema } from './consent-body';
import { ConsentRequestEntity } from '../store/consent-request.entity';
import { ConsentRequestRepository } from '../store/consent-request.repository';

/** Consent requests one bureau may have waiting on this bureau's decision; beyond, refused to it. */
export const MAX_PENDING_CONSENTS_PER_ASKER = 100;

/**
 * A consent-request about an envelope this bureau sent joins its officers' list; a
 * consent-decision from the owner asked settles the outgoing request it answers. Recorded in the
 * transaction that stores the message; anything else (a request about another bureau's envelope,
 * a decision from someone else) stays in the inbox as received, with no effect.
 */
@Injectable()
export class ConsentArrivalRecorder {
  private readonly logger = new Logger(ConsentArrivalRecorder.name);

  constructor(
    private readonly requests: ConsentRequestRepository,
    private readonly sent: SentMessageRepository,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
  ) {}

  async record(manager: EntityManager, payload: EnvelopePayload, body: unknown, at: string): Promise<void> {
    if (payload.kind === 'consent-request') return this.request(manager, payload, body, at);
    if (payload.kind === 'consent-decision') return this.decision(manager, payload, body, at);
  }

  private async request(manager: EntityManager, payload: EnvelopePayload, body: unknown, at: string): Promise<void> {
    const consent = payload.meta.consent!;
    const note = consentRequestBodySchema.safeParse(body);
    if (!note.success || !(await this.sent.findById(consent.envelopeId, manager))) {
      this.logger.warn(`consent-request ${payload.id} from ${payload.from}: not about an envelope sent here`);
      return;
    }
    // A bureau flooding the owner's officers with requests is told, and its requests are not stored.
    if ((await this.requests.countPendingFrom(manager, payload.from)) >= MAX_PENDING_CONSENTS_PER_ASKER)
      throw new DeliveryRefusal(
        'too-many-pending',
        `${payload.from} already has ${MAX_PENDING_CONSENTS_PER_ASKER} consent requests waiting on ${this.identity.code}'s decision: ask again once they are decided`,
      );
    await this.requests.insertOnce(
      manager,
      Object.assign(new ConsentRequestEntity(), {
        id: payload.id,
        direction: 'incoming',
        messageId: consent.envelopeId,
        envelopeId: consent.envelopeId,
        asker: payload.from,
        owner: this.identity.code,
        purpose: consent.purpose,
        bureaus: consent.bureaus ?? null,
        note: note.data.note ?? null,
        state: 'pending',
        createdAt: at,
        decisionId: null,
        decidedAt: null,
        decidedBy: null,
        expiresAt: null,
        reason: null,
      }),
    );
  }

  private async decision(manager: EntityManager, payload: EnvelopePayload, body: unknown, at: string): Promise<void> {
    const consent = payload.meta.consent!;
    const request = payload.meta.replyTo ? await this.requests.findById(payload.meta.replyTo, manager) : null;
    const reason = consentDecisionBodySchema.safeParse(body);
    if (!request || request.direction !== 'outgoing' || request.owner !== payload.from || !reason.success) {
      this.logger.warn(`consent-decision ${payload.id} from ${payload.from}: answers no request it may decide`);
      return;
    }
    await this.requests.decide(manager, request.id, {
      state: consent.decision!,
      decisionId: payload.id,
      decidedAt: at,
      decidedBy: null,
      expiresAt: consent.expiresAt ?? null,
      reason: reason.data.reason ?? null,
      bureaus: consent.bureaus ?? request.bureaus,
    });
  }
}

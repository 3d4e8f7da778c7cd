import { Inject, Injectable } from '@nestjs/common';
import { DomainError, handlingLevel } from '@bureaunet/contracts';
import { BUREAU_IDENTITY, type BureauIdentity } from '@bureaunet/identity';
import { actorOf, CLOCK, type Caller, type Clock } from '@bureaunet/platform';
import { OutboxSender } from '../outbox/outbox.sender';
import { consentRequestView } from '../handling/consent-request.view';
import type { ConsentRequestDto } from '../handling/consent-request.dto';
import { LocalLineage, type KnownEnvelope } from '../handling/local-lineage';
import { ConsentRequestEntity } from '../store/consent-request.entity';
import { ConsentRequestRepository } from '../store/consent-request.repository';
import {
  DEFAULT_GRANT_DAYS,
  MAX_GRANT_DAYS,
  type AskConsentDto,
  type ConsentListQueryDto,
  type ConsentRequestPageDto,
  type GrantConsentDto,
  type RefuseConsentDto,
} from './consent.dto';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_LIST = 50;

/**
 * Consent as signed messages: a recipient asks the data owner (a consent-request), the owner's
 * officer grants, time-boxed, or refuses (a consent-decision answering it). Each step is an
 * envelope the gateway decides on and ledgers; the rows here say where each request stands.
 */
@Injectable()
export class ConsentService {
  constructor(
    private readonly requests: ConsentRequestRepository,
    private readonly lineage: LocalLineage,
    private readonly outbox: OutboxSender,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async ask(messageId: string, ask: AskConsentDto): Promise<ConsentRequestDto> {
    const origin = await this.originOf(messageId);
    const owner = origin.from;
    if (ask.bureaus?.includes(owner) || ask.bureaus?.includes(this.identity.code))
      throw new DomainError('consent-bureaus-invalid', `bureaus: name neither the owner ${owner} nor this bureau`);
    if (await this.requests.pendingFor(messageId, ask.purpose))
      throw new DomainError(
        'consent-request-pending',
        `a ${ask.purpose} request about ${messageId} is already waiting for ${owner}`,
        'conflict',
      );
    const consent = { envelopeId: origin.id, purpose: ask.purpose, ...(ask.bureaus ? { bureaus: ask.bureaus } : {}) };
    const sent = await this.outbox.send(
      { kind: 'consent-request', to: [owner], meta: { consent }, body: ask.note ? { note: ask.note } : {} },
      async (manager, message, now) => {
        await this.requests.insertOnce(
          manager,
          Object.assign(new ConsentRequestEntity(), {
            id: message.id,
            direction: 'outgoing',
            messageId,
            envelopeId: origin.id,
            asker: this.identity.code,
            owner,
            purpose: ask.purpose,
            bureaus: ask.bureaus ?? null,
            note: ask.note ?? null,
            state: 'pending',
            createdAt: now,
            decisionId: null,
            decidedAt: null,
            decidedBy: null,
            expiresAt: null,
            reason: null,
          }),
        );
      },
    );
    return this.view(sent.id);
  }

  async list(query: ConsentListQueryDto): Promise<ConsentRequestPageDto> {
    const rows = await this.requests.list({
      direction: query.direction,
      state: query.state,
      limit: query.limit ?? DEFAULT_LIST,
    });
    const now = this.clock.now();
    return { items: rows.map((row) => consentRequestView(row, now)) };
  }

  async grant(id: string, grant: GrantConsentDto, caller: Caller): Promise<ConsentRequestDto> {
    const request = await this.pendingIncoming(id);
    const now = this.clock.now();
    const expiresAt = grant.expiresAt ?? new Date(now.getTime() + DEFAULT_GRANT_DAYS * DAY_MS).toISOString();
    if (Date.parse(expiresAt) <= now.getTime())
      throw new DomainError('consent-expiry-invalid', `expiresAt: ${expiresAt} is not in the future`);
    if (Date.parse(expiresAt) > now.getTime() + MAX_GRANT_DAYS * DAY_MS)
      throw new DomainError('consent-expiry-invalid', `expiresAt: a grant holds at most ${MAX_GRANT_DAYS} days`);
    const bureaus = grantedBureaus(request, grant.bureaus);
    await this.decide(request, caller, {
      decision: 'granted',
      expiresAt,
      bureaus,
      body: {},
    });
    return this.view(id);
  }

  async refuse(id: string, refusal: RefuseConsentDto, caller: Caller): Promise<ConsentRequestDto> {
    const request = await this.pendingIncoming(id);
    await this.decide(request, caller, {
      decision: 'refused',
      bureaus: request.bureaus,
      body: { reason: refusal.reason },
    });
    return this.view(id);
  }

  private async decide(
    request: ConsentRequestEntity,
    caller: Caller,
    decision: {
      decision: 'granted' | 'refused';
      expiresAt?: string;
      bureaus: string[] | null;
      body: { reason?: string };
    },
  ): Promise<void> {
    const consent = {
      envelopeId: request.envelopeId,
      purpose: request.purpose,
      ...(decision.bureaus ? { bureaus: decision.bureaus } : {}),
      decision: decision.decision,
      ...(decision.expiresAt ? { expiresAt: decision.expiresAt } : {}),
    };
    await this.outbox.send(
      { kind: 'consent-decision', to: [request.asker], meta: { replyTo: request.id, consent }, body: decision.body },
      async (manager, message, now) => {
        const decided = await this.requests.decide(manager, request.id, {
          state: decision.decision,
          decisionId: message.id,
          decidedAt: now,
          decidedBy: actorOf(caller),
          expiresAt: decision.expiresAt ?? null,
          reason: decision.body.reason ?? null,
          bureaus: decision.bureaus,
        });
        // Decided meanwhile by someone else: the whole send rolls back.
        if (!decided) throw alreadyDecided(request.id);
      },
    );
  }

  private async pendingIncoming(id: string): Promise<ConsentRequestEntity> {
    const request = await this.requests.findById(id);
    if (!request || request.direction !== 'incoming')
      throw new DomainError(
        'consent-request-not-found',
        `no consent request ${id} was asked of this bureau`,
        'not-found',
      );
    if (request.state !== 'pending') throw alreadyDecided(id);
    return request;
  }

  /**
   * The envelope whose owner is asked: the received message, or the original it forwards when this
   * node holds it. A forward of an original held elsewhere has an owner this node cannot name.
   */
  private async originOf(messageId: string): Promise<KnownEnvelope> {
    const message = await this.lineage.find(messageId);
    if (!message || message.direction !== 'received')
      throw new DomainError('message-not-found', `no message ${messageId} was received here`, 'not-found');
    let origin = message;
    for (let hops = 0; origin.meta.forwardOf && hops < 16; hops += 1) {
      const earlier = await this.lineage.find(origin.meta.forwardOf);
      if (!earlier)
        throw new DomainError(
          'consent-owner-unknown',
          `${messageId} forwards ${origin.meta.forwardOf}, which this bureau never received: ask ${origin.from}, who forwarded it, who its owner is`,
          'unprocessable',
        );
      origin = earlier;
    }
    if (origin.direction === 'sent')
      throw new DomainError('consent-own-content', `${messageId} passes on this bureau's own content`, 'unprocessable');
    if (handlingLevel(message.meta.handling?.code) === 0)
      throw new DomainError(
        'consent-not-needed',
        `${messageId} is H0 (law-enforcement use): the owner's consent is not needed`,
        'unprocessable',
      );
    return origin;
  }

  private async view(id: string): Promise<ConsentRequestDto> {
    const row = await this.requests.findById(id);
    if (!row) throw new DomainError('consent-request-not-found', `no consent request ${id}`, 'not-found');
    return consentRequestView(row, this.clock.now());
  }
}

function grantedBureaus(request: ConsentRequestEntity, subset: readonly string[] | undefined): string[] | null {
  if (!subset) return request.bureaus;
  if (request.purpose !== 'onward-sharing')
    throw new DomainError('consent-bureaus-invalid', `bureaus: belong to onward-sharing, not ${request.purpose}`);
  const outside = subset.filter((code) => !request.bureaus?.includes(code));
  if (outside.length > 0)
    throw new DomainError('consent-bureaus-invalid', `bureaus: ${outside.join(', ')} were not asked for`);
  return [...subset];
}

function alreadyDecided(id: string): DomainError {
  return new DomainError('consent-already-decided', `consent request ${id} has already been decided`, 'conflict');
}

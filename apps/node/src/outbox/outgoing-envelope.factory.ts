import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type EnvelopeMeta, type MessageKind, type RecipientScope } from '@bureaunet/contracts';
import { CryptoError, sealEnvelope, type EnvelopeRecipientKey } from '@bureaunet/crypto';
import { BUREAU_IDENTITY, type BureauIdentity } from '@bureaunet/identity';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { EnvelopeIdGenerator } from '../id/envelope-id.generator';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import { assertSendableSize } from './envelope-size.check';
import { SentMessageEntity } from '../store/sent-message.entity';

export interface OutgoingEnvelope {
  kind: MessageKind;
  to: RecipientScope;
  meta: EnvelopeMeta;
  /** Absent for a receipt. */
  body?: unknown;
  recipients: readonly EnvelopeRecipientKey[];
}

/**
 * Gives an outgoing envelope its id, times and this bureau's signature, and returns it as the row
 * to store before it is published (not yet saved).
 */
@Injectable()
export class OutgoingEnvelopeFactory {
  constructor(
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly ids: EnvelopeIdGenerator,
  ) {}

  async seal(outgoing: OutgoingEnvelope): Promise<SentMessageEntity> {
    const createdAt = this.clock.now();
    const expiresAt = new Date(createdAt.getTime() + this.config.messageTtlMs);
    const payload = {
      id: this.ids.next(),
      kind: outgoing.kind,
      from: this.identity.code,
      to: outgoing.to,
      createdAt: createdAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
      meta: outgoing.meta,
    };
    const sealed = await sealEnvelope({
      payload,
      body: outgoing.body,
      recipients: outgoing.recipients,
      signer: { kid: this.identity.signing.kid, key: this.identity.signing.privateKey },
    }).catch((error: unknown) => {
      // The DTO checks what the sealer checks; a refusal here names the field all the same.
      if (error instanceof CryptoError) throw new DomainError(error.code, error.message, 'invalid');
      throw error;
    });
    const envelope = Buffer.from(sealed.serialized, 'utf8');
    assertSendableSize(envelope.length);
    return Object.assign(new SentMessageEntity(), {
      id: payload.id,
      kind: payload.kind,
      to: payload.to,
      meta: payload.meta,
      envelope,
      digest: sealed.digest,
      createdAt: payload.createdAt,
      expiresAt: payload.expiresAt,
      publishedAt: null,
      reportStatus: null,
      reportRefusal: null,
      reportedAt: null,
      report: null,
      attempts: 0,
      lastAttemptAt: payload.createdAt,
      // The republisher's first look: a report should have come back by then.
      nextCheckAt: new Date(createdAt.getTime() + this.config.reportDeadlineMs).toISOString(),
      retryAt: null,
      lastError: null,
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DirectoryEntry, RecipientOutcome, Refusal } from '@bureaunet/contracts';
import { CryptoError, ParsedEnvelope, jweRecipientKids, verifyEnvelopeSignature } from '@bureaunet/crypto';
import { DirectoryClient } from '@bureaunet/directory';
import { CLOCK, Clock } from '@bureaunet/platform';
import { GATEWAY_CONFIG, GatewayConfig } from '../gateway.config';
import { RecipientCandidate, broadcastCodes, resolveRecipients } from './recipient.resolver';
import { checkTimeWindow } from './time-window.check';

export type Decision = { status: 'accepted'; recipients: RecipientOutcome[] } | { status: 'refused'; refusal: Refusal };

/**
 * Decides what happens to one parsed envelope: checks the sender end to end (publishing subject,
 * directory status, certificate, signature, time window), then each recipient. Throws only when
 * it cannot decide (directory unavailable), so the submission is retried rather than refused.
 */
@Injectable()
export class SubmissionDecider {
  constructor(
    private readonly directory: DirectoryClient,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async decide(parsed: ParsedEnvelope, submitter: string): Promise<Decision> {
    const refusal = await this.checkSender(parsed, submitter);
    if (refusal) return { status: 'refused', refusal };
    return { status: 'accepted', recipients: await this.resolve(parsed) };
  }

  private async checkSender(parsed: ParsedEnvelope, submitter: string): Promise<Refusal | undefined> {
    const { payload } = parsed;
    if (payload.from !== submitter) {
      return { code: 'sender-mismatch', message: `published on ${submitter}'s submission subject but from is ${payload.from}` };
    }
    const timeRefusal = checkTimeWindow(payload, this.clock.now(), { skewMs: this.config.clockSkewMs, maxAgeMs: this.config.maxEnvelopeAgeMs });
    if (timeRefusal) return timeRefusal;
    const sender = await this.directory.entry(payload.from);
    if (!sender || sender.role === 'gateway') return { code: 'unknown-sender', message: `${payload.from} is not a bureau in the directory` };
    if (sender.status !== 'active') return { code: 'sender-suspended', message: `${payload.from} is suspended` };
    try {
      const key = await this.directory.signingKey(payload.from);
      if (parsed.header.kid !== key.kid) return { code: 'certificate-invalid', message: `kid ${parsed.header.kid} is not ${payload.from}'s current signing certificate` };
      await verifyEnvelopeSignature(parsed, key.key);
    } catch (error) {
      if (error instanceof CryptoError && error.code !== 'bad-content') return { code: error.code, message: error.message };
      throw error;
    }
    return undefined;
  }

  private async resolve(parsed: ParsedEnvelope): Promise<RecipientOutcome[]> {
    const { payload } = parsed;
    const codes = payload.to === 'all' ? broadcastCodes(await this.directory.all(), payload.from) : payload.to;
    const candidates = await Promise.all(codes.map((code) => this.candidate(code)));
    return resolveRecipients({ payload, candidates, jweKids: payload.content ? jweRecipientKids(parsed) : undefined });
  }

  private async candidate(code: string): Promise<RecipientCandidate> {
    const entry: DirectoryEntry | undefined = await this.directory.entry(code);
    if (!entry?.encryptionCertificate) return { code, entry };
    try {
      return { code, entry, encryptionKid: (await this.directory.encryptionKey(code)).kid };
    } catch (error) {
      // A recipient whose certificate no longer checks out is refused alone, not the envelope.
      if (error instanceof CryptoError) return { code, entry };
      throw error;
    }
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { DomainError, type EnvelopeMeta, type RecipientScope } from '@bureaunet/contracts';
import { BusClient } from '@bureaunet/transport';
import type { PreviewMessageDto } from './message-preview.dto';
import type { RecipientPreviewDto } from './recipient-preview.dto';
import { MessagePreviewService } from './message-preview.service';

/**
 * How long a send waits for the gateway's dry-run. Short: a person waits on it, and a gateway that
 * does not answer in time changes nothing (the send is accepted, and the gateway decides).
 */
export const SEND_DRY_RUN_TIMEOUT_MS = 2_000;

export interface DryRunSend {
  /** What an officer may send (the node's own steps are never dry-run). */
  kind: PreviewMessageDto['kind'];
  to: RecipientScope;
  meta: EnvelopeMeta;
}

/**
 * The rules' dry-run at send time, so the sender learns at once what the gateway already knows it
 * will refuse: when every recipient would be refused the send is refused (send-refused, 422, each
 * refusal and rule named) before anything is stored; otherwise the refusals foreseen are returned
 * with the 201. The gateway still decides when the envelope arrives.
 */
@Injectable()
export class SendDryRun {
  private readonly logger = new Logger(SendDryRun.name);

  constructor(
    private readonly previews: MessagePreviewService,
    private readonly bus: BusClient,
  ) {}

  async foresee(send: DryRunSend): Promise<RecipientPreviewDto[]> {
    // A bus that is down cannot answer: the send is stored at once for the republisher, as before.
    if (!this.bus.isUp) return [];
    let recipients: RecipientPreviewDto[];
    try {
      ({ recipients } = await this.previews.preview(
        { kind: send.kind, recipients: send.to, meta: send.meta },
        SEND_DRY_RUN_TIMEOUT_MS,
      ));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`send accepted without the rules' dry-run: ${error.code}: ${error.message}`);
      return [];
    }
    const refused = recipients.filter((recipient) => !recipient.allowed);
    if (recipients.length > 0 && refused.length === recipients.length)
      throw new DomainError(
        'send-refused',
        `every recipient would be refused by the rules in force: ${refused.map(describeRefusal).join('; ')}`,
        'unprocessable',
      );
    return refused;
  }
}

/** "FR: policy-denied by rule bilateral-declarations (FR does not accept diffusions from MR)". */
export function describeRefusal(refusal: RecipientPreviewDto): string {
  const rule = refusal.rule ? ` by rule ${refusal.rule}` : '';
  const reason = refusal.reason ? ` (${refusal.reason})` : '';
  return `${refusal.recipient}: ${refusal.code ?? 'refused'}${rule}${reason}`;
}

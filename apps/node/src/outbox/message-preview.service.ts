import { Inject, Injectable } from '@nestjs/common';
import { DomainError, rulesPreviewAnswerSchema, rulesPreviewSubject } from '@bureaunet/contracts';
import { BusClient, WireRequestError } from '@bureaunet/transport';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import type { MessagePreviewDto, PreviewMessageDto } from './message-preview.dto';

/** How long an officer waits for the gateway's answer before the console says it has none. */
// Generous: the gateway answers previews between submissions, and a loaded gateway is when people look.
const PREVIEW_TIMEOUT_MS = 10_000;

/**
 * POST /api/messages/preview: asks the gateway, on this bureau's own preview subject, what its
 * rules in force would decide for each recipient. The gateway holds the rule bundle (declarations,
 * other bureaus' operations, limits) and the lineage of earlier envelopes; no node does, so the
 * gateway answers rather than the node guessing with a copy.
 */
@Injectable()
export class MessagePreviewService {
  constructor(
    private readonly bus: BusClient,
    @Inject(NODE_CONFIG) private readonly config: Pick<NodeConfig, 'code'>,
  ) {}

  async preview(request: PreviewMessageDto, timeoutMs = PREVIEW_TIMEOUT_MS): Promise<MessagePreviewDto> {
    let reply: unknown;
    try {
      reply = await this.bus.request<unknown>(
        rulesPreviewSubject(this.config.code),
        { kind: request.kind, to: request.recipients, meta: request.meta ?? {} },
        { timeoutMs },
      );
    } catch (error) {
      if (error instanceof WireRequestError && error.code === 'invalid-request')
        throw new DomainError('preview-invalid', error.reason, 'invalid');
      throw new DomainError(
        'preview-unavailable',
        `the gateway could not preview the rules: ${error instanceof Error ? error.message : String(error)}`,
        'unavailable',
      );
    }
    return rulesPreviewAnswerSchema.parse(reply);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { HUB_CODE, RuleRefusedError, type RecipientScope } from '@bureaunet/contracts';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { withRequestDue } from '../deadline/request-due';
import { DEFAULT_REQUEST_DEADLINES, NODE_CONFIG, type NodeConfig } from '../node.config';
import { OutgoingMetaGuard } from '../handling/outgoing-meta.guard';
import type { MessageCreatedDto, SendMessageDto } from './outbox.dto';
import { OutboxSender } from './outbox.sender';
import { SendDryRun } from './send-dry-run';

/** POST /api/messages: an officer's message, sent like any other. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly outbox: OutboxSender,
    private readonly dryRun: SendDryRun,
    private readonly guard: OutgoingMetaGuard,
    @Inject(NODE_CONFIG) private readonly config: Pick<NodeConfig, 'code' | 'requests'>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async send(request: SendMessageDto): Promise<MessageCreatedDto> {
    if (request.kind === 'diffusion' && this.config.code !== HUB_CODE) assertDiffusionIncludesHub(request.to);
    // Received content goes on only as a forward; a forward or reply keeps the handling code.
    const guarded = await this.guard.check(request.kind, request.meta ?? {}, request.body);
    const meta = withRequestDue(
      request.kind,
      guarded,
      this.clock.now(),
      this.config.requests ?? DEFAULT_REQUEST_DEADLINES,
    );
    const foreseenRefusals = await this.dryRun.foresee({ kind: request.kind, to: request.to, meta });
    const message = await this.outbox.send({ kind: request.kind, to: request.to, meta, body: request.body });
    return { id: message.id, foreseenRefusals };
  }
}

/** The hub reviews every diffusion, so a bureau's diffusion names it ("all" does). */
function assertDiffusionIncludesHub(to: RecipientScope): void {
  if (to === 'all' || to.includes(HUB_CODE)) return;
  throw new RuleRefusedError(
    'diffusion-includes-hub',
    `a diffusion goes to the hub (${HUB_CODE}) too, for its review: add ${HUB_CODE} to "to"`,
    'diffusion-includes-hub',
  );
}

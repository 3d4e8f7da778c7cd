import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainError, type RecipientScope, type WorkflowNote } from '@bureaunet/contracts';
import { BUREAU_IDENTITY, type BureauIdentity } from '@bureaunet/identity';
import type { Repository } from 'typeorm';
import type { WorkflowStepDto } from '../diffusion/diffusion.dto';
import { DiffusionService } from '../diffusion/diffusion.service';
import { OutboxSender } from '../outbox/outbox.sender';
import { RecipientResolver } from '../outbox/recipient.resolver';
import { DiffusionEntity } from '../store/diffusion.entity';

/** The hub's diffusions: it holds a copy of every one, and withdraws them. */
@Injectable()
export class HubDiffusionService extends DiffusionService {
  constructor(
    outbox: OutboxSender,
    @InjectRepository(DiffusionEntity) diffusions: Repository<DiffusionEntity>,
    @Inject(BUREAU_IDENTITY) identity: BureauIdentity,
    private readonly recipients: RecipientResolver,
  ) {
    super(outbox, diffusions, identity);
  }

  async withdraw(id: string, reason: string, reviewer: string): Promise<WorkflowStepDto> {
    const diffusion = await this.diffusions.findOneBy({ id });
    if (!diffusion) throw new DomainError('diffusion-not-found', `no diffusion ${id} was received here`, 'not-found');
    if (diffusion.state === 'withdrawn')
      throw new DomainError('diffusion-withdrawn', `diffusion ${id} is already withdrawn`, 'conflict');
    const addressed = diffusion.recipients.includes('all') ? await this.recipients.everyone() : diffusion.recipients;
    const to = [...new Set([...addressed, diffusion.from])].filter((code) => code !== this.identity.code);
    const body: WorkflowNote = { workflow: 'diffusion-withdrawal', diffusionId: id, reason };
    const message = await this.outbox.send(
      { kind: 'message', to, meta: { replyTo: id }, body },
      async (manager, _sent, now) => {
        await manager.update(
          DiffusionEntity,
          { id, state: 'active' },
          {
            state: 'withdrawn',
            withdrawnAt: now,
            withdrawReason: reason,
            // A diffusion the hub sent itself was never in the review queue.
            ...(diffusion.direction === 'received' ? { reviewState: 'withdrawn' as const } : {}),
            reviewedBy: reviewer,
            reviewedAt: now,
          },
        );
      },
    );
    return { id: message.id };
  }

  addressees(to: RecipientScope): RecipientScope {
    return to;
  }
}

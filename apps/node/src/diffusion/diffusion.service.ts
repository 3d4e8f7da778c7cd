import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { diffusionBodySchema, DomainError, HUB_CODE, type EnvelopeMeta, type WorkflowNote } from '@bureaunet/contracts';
import type { Repository } from 'typeorm';
import { checkBody } from '../workflow/body.check';
import { WorkflowSender } from '../workflow/workflow.sender';
import type { DiffusionListQueryDto, SendDiffusionDto, WorkflowStepDto } from './diffusion.dto';
import { DiffusionEntity } from '../store/diffusion.entity';

/** Diffusions: sent directly by a bureau (a copy to the hub), withdrawn by the hub. */
@Injectable()
export class DiffusionService {
  constructor(
    private readonly sender: WorkflowSender,
    @InjectRepository(DiffusionEntity) private readonly diffusions: Repository<DiffusionEntity>,
  ) {}

  async send(dto: SendDiffusionDto): Promise<WorkflowStepDto> {
    const body = checkBody(diffusionBodySchema, {
      title: dto.title,
      details: dto.details,
      documentNumbers: dto.documentNumbers ?? [],
    });
    // The hub checks every diffusion after the fact: it always gets a copy.
    const to = dto.to === 'all' || dto.to.includes(HUB_CODE) || this.sender.isHub ? dto.to : [...dto.to, HUB_CODE];
    const meta: EnvelopeMeta = {
      ...(dto.restrictedTo?.length ? { restrictedTo: dto.restrictedTo } : {}),
      ...(dto.priority ? { priority: dto.priority } : {}),
    };
    const message = await this.sender.send({ kind: 'diffusion', to, meta, body }, async (manager, sent, now) => {
      await manager.insert(DiffusionEntity, {
        id: sent.id,
        direction: 'sent',
        from: this.sender.code,
        recipients: to === 'all' ? ['all'] : to,
        body,
        state: 'active',
        receivedAt: now,
        withdrawnAt: null,
        withdrawReason: null,
      });
    });
    return { id: message.id };
  }

  /** The hub withdraws a diffusion: a note to every recipient and to its sender. */
  async withdraw(id: string, reason: string): Promise<WorkflowStepDto> {
    this.sender.requireHub('withdrawing a diffusion');
    const diffusion = await this.diffusions.findOneBy({ id });
    if (!diffusion) throw new DomainError('diffusion-not-found', `no diffusion ${id} was received here`, 'not-found');
    if (diffusion.state === 'withdrawn')
      throw new DomainError('diffusion-withdrawn', `diffusion ${id} is already withdrawn`, 'conflict');
    const addressed = diffusion.recipients.includes('all') ? await this.sender.activeBureaus() : diffusion.recipients;
    const to = [...new Set([...addressed, diffusion.from])].filter((code) => code !== this.sender.code);
    const body: WorkflowNote = { workflow: 'diffusion-withdrawal', diffusionId: id, reason };
    const message = await this.sender.send(
      { kind: 'message', to, meta: { replyTo: id }, body },
      async (manager, _sent, now) => {
        await manager.update(
          DiffusionEntity,
          { id, state: 'active' },
          { state: 'withdrawn', withdrawnAt: now, withdrawReason: reason },
        );
      },
    );
    return { id: message.id };
  }

  list(query: DiffusionListQueryDto): Promise<DiffusionEntity[]> {
    const state = query.state ?? 'active';
    return this.diffusions.find({
      where: state === 'any' ? {} : { state },
      order: { receivedAt: 'DESC', id: 'DESC' },
      take: 500,
    });
  }
}

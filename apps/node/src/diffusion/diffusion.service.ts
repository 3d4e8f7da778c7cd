import { diffusionBodySchema, type EnvelopeMeta, type RecipientScope } from '@bureaunet/contracts';
import type { BureauIdentity } from '@bureaunet/identity';
import type { Repository } from 'typeorm';
import type { OutboxSender } from '../outbox/outbox.sender';
import { DiffusionEntity } from '../store/diffusion.entity';
import { checkBody } from '../workflow/body.check';
import type { DiffusionListQueryDto, SendDiffusionDto, WorkflowStepDto } from './diffusion.dto';

/**
 * Diffusions: sent directly by any node, withdrawn by the hub. A bureau copies the hub on each
 * (BureauDiffusionService, bureau/); the hub withdraws (HubDiffusionService, hub/).
 */
export abstract class DiffusionService {
  protected constructor(
    protected readonly outbox: OutboxSender,
    protected readonly diffusions: Repository<DiffusionEntity>,
    protected readonly identity: BureauIdentity,
  ) {}

  /** Withdraws a diffusion: a note to every recipient and to its sender; `reviewer` is recorded as who decided. */
  abstract withdraw(id: string, reason: string, reviewer: string): Promise<WorkflowStepDto>;

  /** Who a diffusion addressed to `to` goes to. */
  abstract addressees(to: RecipientScope): RecipientScope;

  async send(dto: SendDiffusionDto): Promise<WorkflowStepDto> {
    const body = checkBody(diffusionBodySchema, {
      title: dto.title,
      details: dto.details,
      documentNumbers: dto.documentNumbers ?? [],
    });
    const to = this.addressees(dto.to);
    const meta = diffusionMeta(dto);
    const message = await this.outbox.send({ kind: 'diffusion', to, meta, body }, async (manager, sent, now) => {
      await manager.insert(DiffusionEntity, {
        id: sent.id,
        direction: 'sent',
        from: this.identity.code,
        recipients: to === 'all' ? ['all'] : to,
        body,
        state: 'active',
        receivedAt: now,
        withdrawnAt: null,
        withdrawReason: null,
        reviewState: null,
        reviewedBy: null,
        reviewedAt: null,
      });
    });
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

/** The routing data of a diffusion: the data owner's restrictions and the priority. */
export function diffusionMeta(dto: Pick<SendDiffusionDto, 'restrictedTo' | 'priority'>): EnvelopeMeta {
  return {
    ...(dto.restrictedTo?.length ? { restrictedTo: dto.restrictedTo } : {}),
    ...(dto.priority ? { priority: dto.priority } : {}),
  };
}

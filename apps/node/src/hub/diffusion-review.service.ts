import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainError } from '@bureaunet/contracts';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import type { Repository } from 'typeorm';
import { ConsoleEventBus } from '../console-events/console-event.bus';
import { REVIEW_PAGE_SIZE, type DiffusionReviewQueryDto } from '../diffusion/diffusion.dto';
import { DiffusionEntity } from '../store/diffusion.entity';

/**
 * The hub's review of the diffusions it receives (every one, whatever route built it): pending
 * until a reviewer finds it compliant or withdraws it (HubDiffusionService.withdraw), each decision
 * naming the reviewer and its time.
 */
@Injectable()
export class DiffusionReviewService {
  constructor(
    @InjectRepository(DiffusionEntity) private readonly diffusions: Repository<DiffusionEntity>,
    private readonly writer: SerialWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly events: ConsoleEventBus,
  ) {}

  list(query: DiffusionReviewQueryDto): Promise<DiffusionEntity[]> {
    const state = query.state ?? 'pending';
    // The queue oldest first; decisions latest first.
    return this.diffusions.find({
      where: { direction: 'received', reviewState: state },
      order: state === 'pending' ? { receivedAt: 'ASC', id: 'ASC' } : { reviewedAt: 'DESC', id: 'DESC' },
      take: query.limit ?? REVIEW_PAGE_SIZE,
    });
  }

  async compliant(id: string, reviewer: string): Promise<DiffusionEntity> {
    const now = this.clock.now().toISOString();
    // Checked where writes are serial: of two decisions at once, one is taken.
    const decided = await this.writer.transaction(async (manager) => {
      const held = await manager.findOneBy(DiffusionEntity, { id, direction: 'received' });
      if (!held) throw new DomainError('diffusion-not-found', `no diffusion ${id} was received here`, 'not-found');
      if (held.reviewState !== 'pending')
        throw new DomainError(
          'diffusion-reviewed',
          `diffusion ${id} is ${held.reviewState ?? 'not under review'}, not pending review`,
          'conflict',
        );
      const changes = { reviewState: 'compliant' as const, reviewedBy: reviewer, reviewedAt: now };
      await manager.update(DiffusionEntity, { id, reviewState: 'pending' }, changes);
      return { ...held, ...changes };
    });
    this.events.publish({ name: 'review', data: { id, kind: 'diffusion' } });
    return decided;
  }
}

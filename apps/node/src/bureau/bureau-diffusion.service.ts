import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { HUB_CODE, type RecipientScope } from '@bureaunet/contracts';
import { BUREAU_IDENTITY, type BureauIdentity } from '@bureaunet/identity';
import type { Repository } from 'typeorm';
import type { WorkflowStepDto } from '../diffusion/diffusion.dto';
import { DiffusionService } from '../diffusion/diffusion.service';
import { OutboxSender } from '../outbox/outbox.sender';
import { DiffusionEntity } from '../store/diffusion.entity';
import { hubOnly } from '../workflow/role.errors';

/** A bureau's diffusions: each one copies the hub. */
@Injectable()
export class BureauDiffusionService extends DiffusionService {
  constructor(
    outbox: OutboxSender,
    @InjectRepository(DiffusionEntity) diffusions: Repository<DiffusionEntity>,
    @Inject(BUREAU_IDENTITY) identity: BureauIdentity,
  ) {
    super(outbox, diffusions, identity);
  }

  withdraw(): Promise<WorkflowStepDto> {
    return Promise.reject(hubOnly('withdrawing a diffusion', this.identity.code));
  }

  // The hub checks every diffusion after the fact: it always gets a copy.
  addressees(to: RecipientScope): RecipientScope {
    return to === 'all' || to.includes(HUB_CODE) ? to : [...to, HUB_CODE];
  }
}

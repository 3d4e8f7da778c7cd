import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GatewayLeaseRepository } from './gateway-lease.repository';
import { LaneLeaseKeeper } from './lane-lease.keeper';
import { LeaseLostError } from './lease-lost.error';

/**
 * The check a submission's transaction makes before it writes: this gateway still holds the
 * sender's partition, at the epoch it took it with, and (on PostgreSQL) keeps it until the commit.
 */
@Injectable()
export class SubmissionFence {
  constructor(
    private readonly keeper: LaneLeaseKeeper,
    private readonly leases: GatewayLeaseRepository,
  ) {}

  /** Throws LeaseLostError (rolling the transaction back) when another gateway may have the sender. */
  async hold(manager: EntityManager, sender: string): Promise<void> {
    const lease = this.keeper.leaseFor(sender);
    if (!lease || !(await this.leases.stillHeld(manager, lease, this.keeper.holder))) throw new LeaseLostError(sender);
  }
}

import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Provider } from '@nestjs/common';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { SerialWriter } from '@bureaunet/persistence';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { GatewayLeaseRepository } from './gateway-lease.repository';
import { LaneLeaseKeeper } from './lane-lease.keeper';
import { LANE_LEASE_SKEW_MARGIN_MS, LANE_LEASE_TTL_MS } from './lane-lease.timing';
import { SubmissionFence } from './submission.fence';

/** Unique per process run (a restart never inherits a lease), and telling an operator which gateway it is. */
export function laneHolderName(code: string): string {
  return `${code}-${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`.slice(-64);
}

export const LANE_PROVIDERS: Provider[] = [
  GatewayLeaseRepository,
  {
    provide: LaneLeaseKeeper,
    inject: [GatewayLeaseRepository, SerialWriter, CLOCK, GATEWAY_CONFIG],
    useFactory: (leases: GatewayLeaseRepository, writer: SerialWriter, clock: Clock, config: GatewayConfig) =>
      new LaneLeaseKeeper(leases, writer, clock, {
        holder: laneHolderName(config.code),
        partitions: config.submissionPartitions,
        ttlMs: LANE_LEASE_TTL_MS,
        skewMarginMs: LANE_LEASE_SKEW_MARGIN_MS,
      }),
  },
  SubmissionFence,
];

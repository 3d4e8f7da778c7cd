import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { NatsConnection } from '@nats-io/transport-node';
import { boundedProbe, HEALTH_BOUNDS, type HealthBounds } from '@bureaunet/platform/stateless';
import { NATS_CONNECTION } from './nats-connection.provider';
import { NatsConnectionState } from './nats-connection.state';

/**
 * Whether the broker answers: the connection is up (not between a disconnect and a reconnect, not
 * closed) and a round trip to the server comes back within the probe bound.
 */
@Injectable()
export class BrokerIndicator implements OnModuleInit {
  private state: NatsConnectionState | undefined;

  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(HEALTH_BOUNDS) private readonly bounds: HealthBounds,
  ) {}

  onModuleInit(): void {
    this.state = new NatsConnectionState(this.connection);
  }

  async check(key = 'broker'): Promise<HealthIndicatorResult> {
    const session = this.indicators.check(key);
    const server = this.connection.getServer();
    if (this.connection.isClosed()) return session.down({ connected: false, message: 'the NATS connection is closed' });
    if (this.state && !this.state.isUp)
      return session.down({ connected: false, server, message: `disconnected from ${server}, reconnecting` });
    try {
      const rttMs = await boundedProbe(this.connection.rtt(), this.bounds.probeTimeoutMs, 'the NATS server');
      return session.up({ connected: true, server, rttMs: Math.round(rttMs * 10) / 10 });
    } catch (error) {
      return session.down({
        connected: false,
        server,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { REGISTRY_CONFIG, type RegistryConfig } from '../registry.config';
import { RulesService } from '../rules/rules.service';
import { DirectoryEventsPublisher } from '../directory/directory-events.publisher';
import { DirectoryService } from '../directory/directory.service';

const HEARTBEAT_INTERVAL = 'directory-heartbeat';

/**
 * Tells gateway and nodes, every heartbeatMs, that the registry is alive and which directory
 * version is current: they refuse to trust their copy when the beats stop.
 */
@Injectable()
export class DirectoryHeartbeatService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DirectoryHeartbeatService.name);
  private inFlight: Promise<void> = Promise.resolve();
  private running = false;
  private lastBeat: { at: string; version: number } | undefined;

  constructor(
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    private readonly directory: DirectoryService,
    private readonly events: DirectoryEventsPublisher,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly rules: RulesService,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.tick();
    this.scheduler.addInterval(
      HEARTBEAT_INTERVAL,
      setInterval(() => this.tick(), this.config.heartbeatMs),
    );
  }

  async onModuleDestroy(): Promise<void> {
    if (this.scheduler.doesExist('interval', HEARTBEAT_INTERVAL)) this.scheduler.deleteInterval(HEARTBEAT_INTERVAL);
    await this.inFlight;
  }

  /** One beat: reads the directory and rules versions, then publishes them. */
  async beat(): Promise<void> {
    const version = await this.directory.version();
    const rulesVersion = await this.rules.version();
    const at = this.clock.now().toISOString();
    this.events.heartbeat({ at, version, rulesVersion });
    this.lastBeat = { at, version };
  }

  /** The last beat published: until when gateway and nodes were told the revocation list is current. */
  lastPublished(): { at: string; version: number } | undefined {
    return this.lastBeat;
  }

  private tick(): void {
    // A slow database skips beats instead of queueing them.
    if (this.running) return;
    this.running = true;
    this.inFlight = this.beat()
      .catch((error: unknown) =>
        this.logger.error(`heartbeat failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        this.running = false;
      });
  }
}

import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import {
  DIRECTORY_HEARTBEAT_SUBJECT,
  DomainError,
  RULES_CHANGED_SUBJECT,
  RULES_GET_SUBJECT,
  directoryHeartbeatSchema,
  ruleBundleSchema,
  rulesChangedEventSchema,
} from '@bureaunet/contracts';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { PolicyEngine, type PreparedRules } from '@bureaunet/policy';
import { BusClient } from '@bureaunet/transport';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';

export interface RulesFreshness {
  version: number | null;
  loadedAt: string | null;
  announced: number;
  /** null: the registry never heard. */
  heardAt: string | null;
  silentForMs: number | null;
  stalenessMs: number;
}

/**
 * The access rules the gateway decides with: loaded from the registry at start, swapped live when
 * the registry announces a new version (or a heartbeat shows one that was missed), and refused
 * when there are none yet, when a newer version cannot be loaded, or when the registry has gone
 * quiet: a refusal to decide throws, so the submission is retried rather than decided on old rules.
 */
@Injectable()
export class RulesCache implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RulesCache.name);
  private readonly engine = new PolicyEngine();
  private inForce: PreparedRules | undefined;
  private loadedAt: Date | undefined;
  /** The newest version the registry has announced. */
  private announced = 0;
  private loading: Promise<PreparedRules> | undefined;
  private lastHeardAt = 0;
  private readonly unsubscribes: Array<() => void> = [];

  constructor(
    private readonly bus: BusClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.unsubscribes.push(
      this.bus.subscribe(RULES_CHANGED_SUBJECT, (body) => this.heardOf(rulesChangedEventSchema.parse(body).version)),
      this.bus.subscribe(DIRECTORY_HEARTBEAT_SUBJECT, (body) =>
        this.heardOf(directoryHeartbeatSchema.parse(body).rulesVersion),
      ),
    );
  }

  /** Loads in the background: start-up does not wait for the registry, deciding does. */
  onApplicationBootstrap(): void {
    this.loadInBackground();
  }

  onModuleDestroy(): void {
    this.unsubscribes.forEach((unsubscribe) => unsubscribe());
  }

  /** The rules to decide with now; throws DomainError (unavailable) when it cannot vouch for them. */
  async current(): Promise<PreparedRules> {
    this.assertFresh();
    if (this.inForce && this.inForce.version >= this.announced) return this.inForce;
    return this.load();
  }

  /** What is in force, for the health of the gateway. */
  status(): { version: number | null; loadedAt: string | null; announced: number } {
    return {
      version: this.inForce?.version ?? null,
      loadedAt: this.loadedAt?.toISOString() ?? null,
      announced: this.announced,
    };
  }

  /** The rules in force and how long the registry has been silent, for readiness. */
  freshness(): RulesFreshness {
    return {
      ...this.status(),
      heardAt: this.lastHeardAt === 0 ? null : new Date(this.lastHeardAt).toISOString(),
      silentForMs: this.lastHeardAt === 0 ? null : this.clock.now().getTime() - this.lastHeardAt,
      stalenessMs: this.config.directoryStalenessMs,
    };
  }

  private heardOf(version: number | undefined): void {
    this.lastHeardAt = this.clock.now().getTime();
    if (version !== undefined && version > this.announced) this.announced = version;
    if (this.behind() && !this.loading) this.loadInBackground();
  }

  private behind(): boolean {
    return (this.inForce?.version ?? 0) < this.announced;
  }

  private loadInBackground(): void {
    this.load().catch((error: unknown) =>
      this.logger.warn(`access rules not loaded: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  /** One load at a time; every caller waiting meanwhile gets its result. */
  private load(): Promise<PreparedRules> {
    this.loading ??= this.fetchAndPrepare().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /** Fetches until it holds what was announced meanwhile (two changes in a row), within reason. */
  private async fetchAndPrepare(): Promise<PreparedRules> {
    for (let attempt = 1; ; attempt += 1) {
      const prepared = await this.fetchOnce();
      if (!this.inForce || prepared.version > this.inForce.version) {
        this.inForce = prepared;
        this.loadedAt = this.clock.now();
        this.logger.log(`access rules version ${prepared.version} in force`);
      }
      if (!this.behind() || attempt === 3 || prepared.version >= this.announced) return this.inForce;
    }
  }

  private async fetchOnce(): Promise<PreparedRules> {
    try {
      const bundle = ruleBundleSchema.parse(await this.bus.request<unknown>(RULES_GET_SUBJECT, {}));
      const prepared = this.engine.load(bundle);
      this.lastHeardAt = this.clock.now().getTime();
      return prepared;
    } catch (error) {
      throw new DomainError(
        'rules-unavailable',
        `access rules unavailable: ${error instanceof Error ? error.message : String(error)}`,
        'unavailable',
      );
    }
  }

  private assertFresh(): void {
    if (this.lastHeardAt === 0) return; // nothing heard yet: loading will prove the registry is there
    const silentFor = this.clock.now().getTime() - this.lastHeardAt;
    if (silentFor > this.config.directoryStalenessMs) {
      throw new DomainError(
        'rules-stale',
        `registry not heard for ${Math.round(silentFor / 1000)} s (limit ${this.config.directoryStalenessMs / 1000} s): access rules may be out of date`,
        'unavailable',
      );
    }
  }
}

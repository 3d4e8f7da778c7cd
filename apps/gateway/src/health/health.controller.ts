import { Controller, Get, Inject, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { SUBMISSIONS_STREAM } from '@bureaunet/contracts';
import { DirectoryFreshnessIndicator } from '@bureaunet/directory';
import { BUREAU_IDENTITY, BureauIdentity, identityExpiry, type IdentityExpiry } from '@bureaunet/identity';
import {
  CertificateValidityIndicator,
  CLOCK,
  DatabaseWritableIndicator,
  HealthCheckFilter,
  Public,
  ReadinessCheck,
  type Clock,
} from '@bureaunet/platform';
import { BrokerIndicator, ConsumerLagIndicator } from '@bureaunet/transport';
import { GatewayDeadLetterService } from '../dead-letter/dead-letter.service';
import { GATEWAY_CONSUMERS } from '../gateway.consumers';
import { CheckpointCosigner } from '../ledger/checkpoint/checkpoint-cosigner.service';
import type { WitnessStandingView } from '../ledger/checkpoint/witness-standing';
import { CheckpointTimestampService, type CheckpointTimestampStatus } from '../timestamp/checkpoint-timestamp.service';
import { RulesFreshnessIndicator } from './rules-freshness.indicator';
import { WitnessCosigningIndicator } from './witness-cosigning.indicator';

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
    private readonly deadLetters: GatewayDeadLetterService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly health: HealthCheckService,
    private readonly readiness: ReadinessCheck,
    private readonly broker: BrokerIndicator,
    private readonly database: DatabaseWritableIndicator,
    private readonly directory: DirectoryFreshnessIndicator,
    private readonly rules: RulesFreshnessIndicator,
    private readonly certificates: CertificateValidityIndicator,
    private readonly consumers: ConsumerLagIndicator,
    private readonly cosigner: CheckpointCosigner,
    private readonly witnesses: WitnessCosigningIndicator,
    private readonly timestamps: CheckpointTimestampService,
  ) {}

  /**
   * deadLetters: messages parked and waiting for an administrator (GET /api/admin/dead-letters).
   * ledger: the checkpoint origin and verifier key (what witnesses follow and auditors pin), and
   * each witness with what it cosigned and how far behind the latest head it is.
   * timestamps: whether the TSA keeps up; informative, not readiness (a TSA down never stops the ledger).
   */
  @Get()
  async status(): Promise<{
    status: 'ok';
    service: 'gateway';
    signingKid: string;
    certificates: IdentityExpiry;
    deadLetters: number;
    ledger: { origin: string; vkey: string; witnesses: WitnessStandingView[] };
    timestamps: CheckpointTimestampStatus;
  }> {
    return {
      status: 'ok',
      service: 'gateway',
      signingKid: this.identity.signing.kid,
      certificates: identityExpiry(this.identity, this.clock.now()),
      deadLetters: await this.deadLetters.countWaiting(),
      ledger: { origin: this.cosigner.origin, vkey: this.cosigner.verifierKey, witnesses: this.cosigner.standing() },
      timestamps: await this.timestamps.status(),
    };
  }

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process serves HTTP (restart it when this fails)' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @UseFilters(HealthCheckFilter)
  @ApiOperation({
    summary:
      'Readiness: broker, database, directory, access rules, certificates, consumer lag, witnesses (down when one refuses the ledger as inconsistent); 503 names what fails',
  })
  ready(): Promise<HealthCheckResult> {
    return this.readiness.check([
      () => this.broker.check('broker'),
      () => this.database.check('database'),
      () => this.directory.check('directory'),
      () => this.rules.check('rules'),
      () => this.certificates.check('certificates', { ...identityExpiry(this.identity, this.clock.now()) }),
      () => this.consumers.check('consumers', GATEWAY_CONSUMERS, [SUBMISSIONS_STREAM]),
      () => this.witnesses.check('witnesses'),
    ]);
  }
}

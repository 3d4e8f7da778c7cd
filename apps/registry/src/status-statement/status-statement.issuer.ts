import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { X509Certificate } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { certificateKid } from '@bureaunet/crypto';
import { signCertificateStatus, type CertificateStatus } from '@bureaunet/evidence';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { BureauRepository } from '../bureau/bureau.repository';
import { DirectoryEventsPublisher } from '../directory/directory-events.publisher';
import { CertificateRepository } from '../pki/certificate.repository';
import { STATUS_SIGNING_IDENTITY } from '../pki/status-signing.provider';
import type { StatusSigningIdentity } from '../pki/status-signing.identity';
import { DEFAULT_STATUS_STATEMENT_TTL_MS, REGISTRY_CONFIG, type RegistryConfig } from '../registry.config';
import { dueStatement, type CertificateFacts } from './certificate-standing';
import { StatusStatementEntity } from './status-statement.entity';
import { StatusStatementRepository } from './status-statement.repository';

const RESIGN_INTERVAL = 'status-statement-resign';
const MAX_CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Signs the statements the signing certificates deserve (certificate-standing.ts): at start (which
 * also repairs a change committed just before a crash), after every directory change, and on a
 * timer often enough that a statement is re-signed well before it expires. Runs coalesce: one at a
 * time, at most one more waiting, whatever the number of changes meanwhile.
 */
@Injectable()
export class StatusStatementIssuer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StatusStatementIssuer.name);
  private running: Promise<number> | undefined;
  private queued: Promise<number> | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly writer: SerialWriter,
    private readonly bureaus: BureauRepository,
    private readonly certificates: CertificateRepository,
    private readonly statements: StatusStatementRepository,
    private readonly directoryEvents: DirectoryEventsPublisher,
    private readonly scheduler: SchedulerRegistry,
    @Inject(STATUS_SIGNING_IDENTITY) private readonly identity: StatusSigningIdentity,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.unsubscribe = this.directoryEvents.onChange(() => this.reconcileInBackground());
    this.reconcileInBackground();
    const every = Math.min(this.ttlMs() / 4, MAX_CHECK_EVERY_MS);
    this.scheduler.addInterval(
      RESIGN_INTERVAL,
      setInterval(() => this.reconcileInBackground(), every),
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    if (this.scheduler.doesExist('interval', RESIGN_INTERVAL)) this.scheduler.deleteInterval(RESIGN_INTERVAL);
    await (this.queued ?? this.running)?.catch(() => undefined);
  }

  /** Signs and stores every statement due now; resolves with how many, once committed. */
  reconcile(): Promise<number> {
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    this.queued = this.running
      .catch(() => 0)
      .then(() => {
        this.queued = undefined;
        return this.start();
      });
    return this.queued;
  }

  private start(): Promise<number> {
    const run = this.issueDue().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private reconcileInBackground(): void {
    this.reconcile().catch((error: unknown) =>
      this.logger.error(`status statements not signed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  // In the writer's transaction: no change to a bureau or certificate can slip between what is
  // read and the statement signed about it.
  private issueDue(): Promise<number> {
    return this.writer.transaction(async (manager) => {
      const now = this.clock.now();
      const facts = await this.signingCertificates(manager);
      const latest = await this.statements.latest(
        manager,
        facts.map((fact) => fact.fingerprint),
      );
      const due = facts
        .map((fact) => dueStatement(fact, latest.get(fact.fingerprint), now, { ttlMs: this.ttlMs() }))
        .filter((statement): statement is CertificateStatus => statement !== undefined);
      const rows: StatusStatementEntity[] = [];
      for (const statement of due) rows.push(await this.sign(statement));
      await this.statements.insert(manager, rows);
      return rows.length;
    });
  }

  private async signingCertificates(manager: EntityManager): Promise<CertificateFacts[]> {
    const status = new Map((await this.bureaus.findAll(manager)).map((bureau) => [bureau.code, bureau.status]));
    return (await this.certificates.findAll(manager))
      .filter((certificate) => certificate.use === 'signing')
      .map((certificate) => ({
        code: certificate.code,
        fingerprint: certificateKid(new X509Certificate(certificate.pem)),
        notAfter: certificate.notAfter,
        revokedAt: certificate.revokedAt,
        overlapUntil: certificate.overlapUntil,
        bureauStatus: status.get(certificate.code) === 'suspended' ? 'suspended' : 'active',
      }));
  }

  private async sign(statement: CertificateStatus): Promise<StatusStatementEntity> {
    const jws = await signCertificateStatus(statement, { kid: this.identity.kid, key: this.identity.key });
    return Object.assign(new StatusStatementEntity(), { ...statement, jws });
  }

  private ttlMs(): number {
    return this.config.statusStatementTtlMs ?? DEFAULT_STATUS_STATEMENT_TTL_MS;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { BureauCode } from '@bureaunet/contracts';
import { SnapshotReader } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { BureauRepository } from '../bureau/bureau.repository';
import { DirectoryHeartbeatService } from '../heartbeat/directory-heartbeat.service';
import type { CertificateEntity } from '../pki/certificate.entity';
import { CertificateRepository } from '../pki/certificate.repository';
import { REGISTRY_CONFIG, type RegistryConfig } from '../registry.config';
import type { BureauOverviewDto, CertificateOverviewDto, CertificatesOverviewDto } from './registry-overview.dto';

const DAY_MS = 86_400_000;

/** What the registry's administrator reads: bureaus, certificates and how fresh revocation news is. */
@Injectable()
export class RegistryOverviewService {
  constructor(
    private readonly snapshot: SnapshotReader,
    private readonly bureaus: BureauRepository,
    private readonly certificates: CertificateRepository,
    private readonly heartbeat: DirectoryHeartbeatService,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Every bureau (the directory is bounded by the number of member countries). */
  async bureauList(): Promise<BureauOverviewDto[]> {
    const now = this.clock.now();
    const [bureaus, certificates] = await this.snapshot.read(async (manager) => [
      await this.bureaus.findAll(manager),
      await this.certificates.findAll(manager),
    ]);
    return bureaus.map((bureau) => {
      const own = certificates.filter((certificate) => certificate.code === bureau.code);
      const signing = own
        .filter((certificate) => certificate.use === 'signing' && stateOf(certificate, now) === 'current')
        .at(-1);
      return {
        code: bureau.code,
        role: bureau.role,
        status: bureau.status,
        version: bureau.version,
        registeredAt: bureau.createdAt.toISOString(),
        ...(own.length > 0 ? { enrolledAt: own[0].createdAt.toISOString() } : {}),
        updatedAt: bureau.updatedAt.toISOString(),
        ...(signing ? { signingNotAfter: signing.notAfter.toISOString() } : {}),
      };
    });
  }

  async certificateList(code?: BureauCode): Promise<CertificatesOverviewDto> {
    const now = this.clock.now();
    const [rows, directoryVersion] = await this.snapshot.read(async (manager) => [
      code ? await this.certificates.findByCode(manager, code) : await this.certificates.findAll(manager),
      await this.bureaus.directoryVersion(manager),
    ]);
    const beat = this.heartbeat.lastPublished();
    return {
      certificates: rows.map((row) => certificateView(row, now)),
      revocation: {
        directoryVersion,
        ...(beat ? { publishedAt: beat.at, ageMs: Math.max(0, now.getTime() - Date.parse(beat.at)) } : {}),
        heartbeatMs: this.config.heartbeatMs,
      },
    };
  }
}

function stateOf(certificate: CertificateEntity, now: Date): CertificateOverviewDto['state'] {
  if (certificate.revokedAt) return 'revoked';
  if (certificate.notAfter.getTime() <= now.getTime()) return 'expired';
  return certificate.overlapUntil ? 'superseded' : 'current';
}

function certificateView(row: CertificateEntity, now: Date): CertificateOverviewDto {
  return {
    serial: row.serial,
    code: row.code,
    use: row.use,
    state: stateOf(row, now),
    notBefore: row.notBefore.toISOString(),
    notAfter: row.notAfter.toISOString(),
    expiresInDays: Math.floor((row.notAfter.getTime() - now.getTime()) / DAY_MS),
    ...(row.revokedAt ? { revokedAt: row.revokedAt.toISOString() } : {}),
    ...(row.overlapUntil ? { overlapUntil: row.overlapUntil.toISOString() } : {}),
    issuedAt: row.createdAt.toISOString(),
  };
}

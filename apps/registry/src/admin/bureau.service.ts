import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  HUB_CODE,
  type BureauCode,
  type DirectoryChangedEvent,
  type DirectoryEntry,
} from '@bureaunet/contracts';
import { SerialWriter, SnapshotReader } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import type { EntityManager } from 'typeorm';
import { toDirectoryEntry } from '../directory/directory-entry';
import { DirectoryEventsPublisher } from '../directory/directory-events.publisher';
import { CertificateRepository } from '../pki/certificate.repository';
import { bureauChangeEvent } from '../registry-event/registry-event.of-change';
import { RegistryEventOutbox } from '../registry-event/registry-event.outbox';
import { unknownBureau } from '../bureau/bureau.errors';
import type { BureauEntity } from '../bureau/bureau.entity';
import { BureauRepository } from '../bureau/bureau.repository';

type Change = Exclude<DirectoryChangedEvent['change'], 'enrolled' | 'renewed' | 'registered'>;

/** The administrator's changes to a bureau. Each: one transaction, a new version, then an event. */
@Injectable()
export class BureauService {
  constructor(
    private readonly writer: SerialWriter,
    private readonly snapshot: SnapshotReader,
    private readonly bureaus: BureauRepository,
    private readonly certificates: CertificateRepository,
    private readonly events: DirectoryEventsPublisher,
    private readonly outbox: RegistryEventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  suspend(code: BureauCode): Promise<DirectoryEntry> {
    return this.change(code, 'suspended', (bureau) => {
      // Default deny has one exception, the hub: suspending it would cut every bureau off.
      if (bureau.role === 'hub')
        throw new DomainError('hub-not-suspendable', `the hub (${HUB_CODE}) cannot be suspended`, 'forbidden');
      if (bureau.status === 'suspended')
        throw new DomainError('bureau-already-suspended', `bureau ${code} is already suspended`, 'conflict');
      bureau.status = 'suspended';
    });
  }

  reinstate(code: BureauCode): Promise<DirectoryEntry> {
    return this.change(code, 'reinstated', (bureau) => {
      if (bureau.status !== 'suspended')
        throw new DomainError('bureau-not-suspended', `bureau ${code} is not suspended`, 'conflict');
      bureau.status = 'active';
    });
  }

  /** Revokes the bureau's current certificates; it stays registered and may enrol again. */
  revokeCertificates(code: BureauCode): Promise<DirectoryEntry> {
    return this.change(code, 'revoked', async (bureau, manager, now) => {
      const revoked = await this.certificates.revokeCurrent(manager, bureau.code, now);
      if (revoked.length === 0)
        throw new DomainError('no-current-certificates', `bureau ${code} has no unrevoked certificates`, 'conflict');
    });
  }

  async revokeCertificate(serial: string): Promise<DirectoryEntry> {
    const normalized = serial.toLowerCase();
    const code = await this.snapshot.read(async (manager) => (await this.certificates.find(manager, normalized))?.code);
    if (!code) throw unknownCertificate(normalized);
    return this.change(code, 'revoked', async (_bureau, manager, now) => {
      const certificate = await this.certificates.find(manager, normalized);
      if (!certificate) throw unknownCertificate(normalized);
      if (certificate.revokedAt)
        throw new DomainError(
          'certificate-already-revoked',
          `certificate ${normalized} was revoked at ${certificate.revokedAt.toISOString()}`,
          'conflict',
        );
      await this.certificates.revoke(manager, normalized, now);
    });
  }

  private async change(
    code: BureauCode,
    change: Change,
    apply: (bureau: BureauEntity, manager: EntityManager, now: Date) => void | Promise<void>,
  ): Promise<DirectoryEntry> {
    const entry = await this.writer.transaction(async (manager) => {
      const now = this.clock.now();
      const bureau = await this.bureaus.find(manager, code);
      if (!bureau) throw unknownBureau(code);
      await apply(bureau, manager, now);
      await this.bureaus.saveChange(manager, bureau, now);
      const changed = toDirectoryEntry(bureau, await this.certificates.findByCode(manager, code));
      await this.outbox.record(manager, bureauChangeEvent(change, changed));
      return changed;
    });
    this.events.changed({ code, version: entry.version, change });
    return entry;
  }
}

function unknownCertificate(serial: string): DomainError {
  return new DomainError('unknown-certificate', `no certificate with serial ${serial}`, 'not-found');
}

import { Inject, Injectable } from '@nestjs/common';
import type { BureauCode, DirectoryEntry } from '@bureaunet/contracts';
import { SnapshotReader } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { unknownBureau } from '../bureau/bureau.errors';
import { BureauRepository } from '../bureau/bureau.repository';
import type { CertificateEntity } from '../pki/certificate.entity';
import { CertificateRepository } from '../pki/certificate.repository';
import { toDirectoryEntry } from './directory-entry';

export interface DirectoryListing {
  entries: DirectoryEntry[];
  /** The directory version: the highest version of any entry. */
  version: number;
}

/**
 * Each look-up reads one committed snapshot (SnapshotReader, on the read connection): never a
 * bureau's old certificates revoked with the new ones not yet inserted, and never waiting
 * behind the writer.
 */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly snapshot: SnapshotReader,
    private readonly bureaus: BureauRepository,
    private readonly certificates: CertificateRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get(code: BureauCode): Promise<DirectoryEntry> {
    return this.snapshot.read(async (manager) => {
      const bureau = await this.bureaus.find(manager, code);
      if (!bureau) throw unknownBureau(code);
      return toDirectoryEntry(bureau, await this.certificates.findByCode(manager, code), this.clock.now());
    });
  }

  list(): Promise<DirectoryListing> {
    return this.snapshot.read(async (manager) => {
      const bureaus = await this.bureaus.findAll(manager);
      const byCode = new Map<string, CertificateEntity[]>();
      for (const certificate of await this.certificates.findAll(manager)) {
        byCode.set(certificate.code, [...(byCode.get(certificate.code) ?? []), certificate]);
      }
      const now = this.clock.now();
      const entries = bureaus.map((bureau) => toDirectoryEntry(bureau, byCode.get(bureau.code) ?? [], now));
      return { entries, version: Math.max(0, ...entries.map((entry) => entry.version)) };
    });
  }

  version(): Promise<number> {
    return this.snapshot.read((manager) => this.bureaus.directoryVersion(manager));
  }
}

import { Injectable } from '@nestjs/common';
import type { BureauCode, DirectoryEntry } from '@bureaunet/contracts';
import { SerialWriter } from '@bureaunet/persistence';
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
 * Reads go through the SerialWriter too: with one SQLite connection, a read beside a running
 * transaction would see its uncommitted rows (say, a bureau's old certificates revoked and the
 * new ones not yet inserted).
 */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly writer: SerialWriter,
    private readonly bureaus: BureauRepository,
    private readonly certificates: CertificateRepository,
  ) {}

  get(code: BureauCode): Promise<DirectoryEntry> {
    return this.writer.transaction(async (manager) => {
      const bureau = await this.bureaus.find(manager, code);
      if (!bureau) throw unknownBureau(code);
      return toDirectoryEntry(bureau, await this.certificates.findByCode(manager, code));
    });
  }

  list(): Promise<DirectoryListing> {
    return this.writer.transaction(async (manager) => {
      const bureaus = await this.bureaus.findAll(manager);
      const byCode = new Map<string, CertificateEntity[]>();
      for (const certificate of await this.certificates.findAll(manager)) {
        byCode.set(certificate.code, [...(byCode.get(certificate.code) ?? []), certificate]);
      }
      const entries = bureaus.map((bureau) => toDirectoryEntry(bureau, byCode.get(bureau.code) ?? []));
      return { entries, version: Math.max(0, ...entries.map((entry) => entry.version)) };
    });
  }

  version(): Promise<number> {
    return this.writer.transaction((manager) => this.bureaus.directoryVersion(manager));
  }
}

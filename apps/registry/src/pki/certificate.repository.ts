import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import type { BureauCode } from '@bureaunet/contracts';
import { CertificateEntity } from './certificate.entity';

/** Issued certificates. Every method runs on the manager of a SerialWriter transaction. */
@Injectable()
export class CertificateRepository {
  find(manager: EntityManager, serial: string): Promise<CertificateEntity | null> {
    return manager.findOneBy(CertificateEntity, { serial });
  }

  findByCode(manager: EntityManager, code: BureauCode): Promise<CertificateEntity[]> {
    return manager.find(CertificateEntity, { where: { code }, order: { createdAt: 'ASC', serial: 'ASC' } });
  }

  findAll(manager: EntityManager): Promise<CertificateEntity[]> {
    return manager.find(CertificateEntity, { order: { createdAt: 'ASC', serial: 'ASC' } });
  }

  async insert(manager: EntityManager, certificates: CertificateEntity[]): Promise<void> {
    await manager.insert(CertificateEntity, certificates);
  }

  /** Revokes the bureau's unrevoked certificates and returns their serials. */
  async revokeCurrent(manager: EntityManager, code: BureauCode, at: Date): Promise<string[]> {
    const current = await manager.findBy(CertificateEntity, { code, revokedAt: IsNull() });
    if (current.length === 0) return [];
    await manager.update(CertificateEntity, { code, revokedAt: IsNull() }, { revokedAt: at });
    return current.map((certificate) => certificate.serial);
  }

  /** The bureau's current (unrevoked, not yet replaced) certificates, newest first. */
  findCurrent(manager: EntityManager, code: BureauCode): Promise<CertificateEntity[]> {
    return manager.find(CertificateEntity, {
      where: { code, revokedAt: IsNull(), overlapUntil: IsNull() },
      order: { createdAt: 'DESC', serial: 'DESC' },
    });
  }

  /**
   * Marks the bureau's current certificates as replaced by a renewal: honoured until `until` or
   * their own expiry, whichever comes first. Returns what it marked.
   */
  async supersedeCurrent(manager: EntityManager, code: BureauCode, until: Date): Promise<CertificateEntity[]> {
    const current = await this.findCurrent(manager, code);
    for (const certificate of current) {
      certificate.overlapUntil = new Date(Math.min(until.getTime(), certificate.notAfter.getTime()));
      await manager.update(
        CertificateEntity,
        { serial: certificate.serial },
        { overlapUntil: certificate.overlapUntil },
      );
    }
    return current;
  }

  async revoke(manager: EntityManager, serial: string, at: Date): Promise<void> {
    await manager.update(CertificateEntity, { serial }, { revokedAt: at });
  }
}

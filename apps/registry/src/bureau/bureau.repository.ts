import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BureauCode } from '@bureaunet/contracts';
import { BureauEntity } from './bureau.entity';

/**
 * Bureau rows. Every method runs on the manager of a SerialWriter transaction, reads included:
 * SQLite has one connection, and a read outside the transaction would see its uncommitted rows.
 */
@Injectable()
export class BureauRepository {
  find(manager: EntityManager, code: BureauCode): Promise<BureauEntity | null> {
    return manager.findOneBy(BureauEntity, { code });
  }

  findAll(manager: EntityManager): Promise<BureauEntity[]> {
    return manager.find(BureauEntity, { order: { code: 'ASC' } });
  }

  async directoryVersion(manager: EntityManager): Promise<number> {
    const row = await manager
      .createQueryBuilder(BureauEntity, 'bureau')
      .select('MAX(bureau.version)', 'version')
      .getRawOne<{ version: number | null }>();
    return row?.version ?? 0;
  }

  /** Saves a change under the next directory version, and returns that version. */
  async saveChange(manager: EntityManager, bureau: BureauEntity, at: Date): Promise<number> {
    bureau.version = (await this.directoryVersion(manager)) + 1;
    bureau.updatedAt = at;
    await manager.save(BureauEntity, bureau);
    return bureau.version;
  }
}

import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { EnrolmentTokenEntity } from './enrolment-token.entity';

/** Enrolment tokens, by hash. Every method runs on the manager of a SerialWriter transaction. */
@Injectable()
export class EnrolmentTokenRepository {
  find(manager: EntityManager, tokenHash: string): Promise<EnrolmentTokenEntity | null> {
    return manager.findOneBy(EnrolmentTokenEntity, { tokenHash });
  }

  async insert(manager: EntityManager, token: EnrolmentTokenEntity): Promise<void> {
    await manager.insert(EnrolmentTokenEntity, token);
  }

  /** Marks the token used unless it already was; answers whether this call was the one. */
  async consume(manager: EntityManager, tokenHash: string, at: Date): Promise<boolean> {
    const result = await manager.update(EnrolmentTokenEntity, { tokenHash, usedAt: IsNull() }, { usedAt: at });
    return result.affected === 1;
  }
}

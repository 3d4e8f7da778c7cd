import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type EntityManager, type Repository } from 'typeorm';
import { ApiTokenEntity } from './api-token.entity';

/** Personal API tokens (api_token), found by the digest of the token presented. */
@Injectable()
export class ApiTokenRepository {
  constructor(@InjectRepository(ApiTokenEntity) private readonly tokens: Repository<ApiTokenEntity>) {}

  findByDigest(digest: string): Promise<ApiTokenEntity | null> {
    return this.tokens.findOneBy({ digest });
  }

  /** A person's tokens not revoked, newest first (expired ones included: the person sees them end). */
  unrevokedOf(personId: string, manager?: EntityManager): Promise<ApiTokenEntity[]> {
    return (manager?.getRepository(ApiTokenEntity) ?? this.tokens).find({
      where: { personId, revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
  }

  async insert(manager: EntityManager, token: ApiTokenEntity): Promise<void> {
    await manager.insert(ApiTokenEntity, token);
  }

  /** Revokes one of the person's tokens; false when they hold no such live token. */
  async revoke(manager: EntityManager, personId: string, id: string, at: string): Promise<boolean> {
    const result = await manager.update(ApiTokenEntity, { id, personId, revokedAt: IsNull() }, { revokedAt: at });
    return (result.affected ?? 0) > 0;
  }

  /** Forgets a person's revoked and expired tokens (a later use of one is then answered as unknown). */
  async deleteDeadOf(manager: EntityManager, personId: string, now: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .delete()
      .from(ApiTokenEntity)
      // Quoted: PostgreSQL folds unquoted names to lower case.
      .where('"personId" = :personId', { personId })
      .andWhere('("revokedAt" IS NOT NULL OR "expiresAt" <= :now)', { now })
      .execute();
  }

  async touch(manager: EntityManager, id: string, lastUsedAt: string): Promise<void> {
    await manager.update(ApiTokenEntity, { id }, { lastUsedAt });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { TokenBucket } from '@bureaunet/policy';
import { sqlStatements } from '@bureaunet/persistence';
import { SenderRateBucketEntity } from './sender-rate-bucket.entity';

const FIND = `SELECT tokens, "updatedAt" FROM sender_rate_bucket WHERE sender = ?`;
const SAVE = `INSERT INTO sender_rate_bucket (sender, tokens, "updatedAt") VALUES (?, ?, ?)
  ON CONFLICT (sender) DO UPDATE SET tokens = excluded.tokens, "updatedAt" = excluded."updatedAt"`;

@Injectable()
export class SenderRateBucketRepository {
  constructor(
    @InjectRepository(SenderRateBucketEntity) private readonly repository: Repository<SenderRateBucketEntity>,
  ) {}

  async find(sender: string): Promise<TokenBucket | undefined> {
    const row = await sqlStatements(this.repository.manager).one<{ tokens: number; updatedAt: number | string }>(FIND, [
      sender,
    ]);
    return row && { tokens: Number(row.tokens), updatedAt: Number(row.updatedAt) };
  }

  async save(manager: EntityManager, sender: string, bucket: TokenBucket): Promise<void> {
    await sqlStatements(manager).run(SAVE, [sender, bucket.tokens, Math.round(bucket.updatedAt)]);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import { ReceivedBodyDigestEntity } from './received-body-digest.entity';

/** Most envelopes a look-up names: a digest seen in more envelopes than this is covered by the first ones. */
const MAX_MATCHES = 1_000;

@Injectable()
export class ReceivedBodyDigestRepository {
  constructor(
    @InjectRepository(ReceivedBodyDigestEntity) private readonly digests: Repository<ReceivedBodyDigestEntity>,
  ) {}

  async insert(manager: EntityManager, envelopeId: string, digests: readonly string[]): Promise<void> {
    if (digests.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(ReceivedBodyDigestEntity)
      .values(digests.map((digest) => ({ digest, envelopeId })))
      .orIgnore()
      .execute();
  }

  /** The received envelopes each digest was seen in, by digest. */
  async envelopesByDigest(digests: readonly string[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    if (digests.length === 0) return found;
    const rows = await this.digests.find({
      where: { digest: In([...digests]) },
      order: { envelopeId: 'ASC' },
      take: MAX_MATCHES,
    });
    for (const row of rows) found.set(row.digest, [...(found.get(row.digest) ?? []), row.envelopeId]);
    return found;
  }
}

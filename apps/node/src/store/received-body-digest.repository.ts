import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { plainQuery } from './plain-sql';
import { ReceivedBodyDigestEntity } from './received-body-digest.entity';

/** Most envelopes a look-up names: a digest seen in more envelopes than this is covered by the first ones. */
const MAX_MATCHES = 1_000;
/** 2 parameters a row. */
const ROWS_PER_INSERT = 200;

@Injectable()
export class ReceivedBodyDigestRepository {
  constructor(
    @InjectRepository(ReceivedBodyDigestEntity) private readonly digests: Repository<ReceivedBodyDigestEntity>,
  ) {}

  async insert(manager: EntityManager, envelopeId: string, digests: readonly string[]): Promise<void> {
    // A body's digests are few (bounded by its size); one plain statement for all of them.
    for (let start = 0; start < digests.length; start += ROWS_PER_INSERT) {
      const chunk = digests.slice(start, start + ROWS_PER_INSERT);
      await plainQuery(
        manager,
        `INSERT INTO "received_body_digest" ("digest", "envelopeId") VALUES ${chunk.map(() => '(?, ?)').join(', ')} ON CONFLICT DO NOTHING`,
        chunk.flatMap((digest) => [digest, envelopeId]),
      );
    }
  }

  /** The received envelopes each digest was seen in, by digest. */
  async envelopesByDigest(digests: readonly string[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    if (digests.length === 0) return found;
    // Plain SQL: this runs before every send, and the query builder cost more than the look-up.
    const rows = await plainQuery<Array<{ digest: string; envelopeId: string }>>(
      this.digests.manager,
      `SELECT "digest", "envelopeId" FROM "received_body_digest" WHERE "digest" IN (${digests.map(() => '?').join(', ')}) ORDER BY "envelopeId" ASC LIMIT ${MAX_MATCHES}`,
      [...digests],
    );
    for (const row of rows) found.set(row.digest, [...(found.get(row.digest) ?? []), row.envelopeId]);
    return found;
  }
}

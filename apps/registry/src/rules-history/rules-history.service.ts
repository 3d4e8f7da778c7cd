import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LessThan, LessThanOrEqual } from 'typeorm';
import { DomainError } from '@bureaunet/contracts';
import { SnapshotReader } from '@bureaunet/persistence';
import { policyTextSha256 } from '@bureaunet/policy';
import { PolicySetEntity } from '../rules/policy-set.entity';
import type { RulesDiffDto, RulesVersionDto, RulesVersionSummaryDto, RulesVersionsDto } from './rules-history.dto';
import { diffLines } from './rules-version.diff';

/** Every policy set ever put in force (each PUT /api/rules is a version), and what changed between two. */
@Injectable()
export class RulesHistoryService {
  constructor(private readonly snapshot: SnapshotReader) {}

  async versions(before: number | undefined, limit: number): Promise<RulesVersionsDto> {
    const rows = await this.snapshot.read((manager) =>
      manager.find(PolicySetEntity, {
        where: before === undefined ? {} : { version: LessThan(before) },
        order: { version: 'DESC' },
        take: limit + 1,
      }),
    );
    const page = rows.slice(0, limit);
    return {
      versions: page.map(summaryOf),
      ...(rows.length > limit ? { nextBefore: page[page.length - 1].version } : {}),
    };
  }

  /**
   * The policy set in force at a rules version: the one that took effect then, or, for a version
   * that changed only declarations, operations or groups, the latest before it. Its text is what a
   * decision at that version names by policySha256, byte for byte.
   */
  async version(version: number): Promise<RulesVersionDto> {
    const row = await this.snapshot.read((manager) =>
      manager.findOne(PolicySetEntity, { where: { version: LessThanOrEqual(version) }, order: { version: 'DESC' } }),
    );
    if (!row) throw unknownVersion(version);
    return {
      ...summaryOf(row),
      requested: version,
      policies: row.text,
      limits: JSON.parse(row.limits) as Record<string, unknown>,
    };
  }

  async diff(from: number, to: number): Promise<RulesDiffDto> {
    const [older, newer] = [await this.find(from), await this.find(to)];
    return {
      from: summaryOf(older),
      to: summaryOf(newer),
      policies: diffLines(older.text, newer.text),
      limits: diffLines(indented(older.limits), indented(newer.limits)),
    };
  }

  private async find(version: number): Promise<PolicySetEntity> {
    const row = await this.snapshot.read((manager) => manager.findOneBy(PolicySetEntity, { version }));
    if (!row) throw unknownVersion(version);
    return row;
  }
}

function unknownVersion(version: number): DomainError {
  return new DomainError(
    'unknown-rules-version',
    `no policy set took effect at version ${version} (a version may change only declarations or operations)`,
    'not-found',
  );
}

function summaryOf(row: PolicySetEntity): RulesVersionSummaryDto {
  return {
    version: row.version,
    createdAt: row.createdAt,
    author: row.author,
    policiesDigest: createHash('sha256').update(row.text).digest('base64url'),
    policySha256: policyTextSha256(row.text),
  };
}

const indented = (json: string): string => JSON.stringify(JSON.parse(json), null, 2);

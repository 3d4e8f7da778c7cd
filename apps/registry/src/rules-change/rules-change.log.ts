import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RegistryEventOutbox } from '../registry-event/registry-event.outbox';
import { RulesChangeEntity } from './rules-change.entity';

export interface RulesChange {
  type: 'rules-changed' | 'declaration-changed' | 'operation-changed' | 'group-changed';
  /** The bureau the change is about, when one is (the declarer, the coordinator). */
  code?: string;
  /** What changed: metadata and digests, as the ledger records it. */
  data: Record<string, unknown>;
  /** The role of whoever made it. */
  author: string;
}

/**
 * The one sequence of rules versions. Every change (policy set, limits, declaration, operation)
 * calls commit() in its own transaction: a new version, a row saying what changed, and the
 * registry event bound for the ledger, all committed together.
 */
@Injectable()
export class RulesChangeLog {
  constructor(private readonly outbox: RegistryEventOutbox) {}

  async latest(manager: EntityManager): Promise<RulesChangeEntity | null> {
    return manager.findOne(RulesChangeEntity, { where: {}, order: { version: 'DESC' } });
  }

  async currentVersion(manager: EntityManager): Promise<number> {
    return (await this.latest(manager))?.version ?? 0;
  }

  async commit(manager: EntityManager, change: RulesChange, at: Date): Promise<number> {
    const version = (await this.currentVersion(manager)) + 1;
    await manager.insert(RulesChangeEntity, {
      version,
      type: change.type,
      code: change.code ?? null,
      data: JSON.stringify(change.data),
      author: change.author,
      at: at.toISOString(),
    });
    await this.outbox.record(manager, {
      type: change.type,
      ...(change.code ? { code: change.code } : {}),
      data: { rulesVersion: version, author: change.author, ...change.data },
    });
    return version;
  }
}

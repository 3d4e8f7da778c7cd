import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CountryGroup, CountryGroupKind } from '@bureaunet/contracts';
import { SerialWriter, SnapshotReader } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { parsePolicySet } from '@bureaunet/policy';
import { BureauRepository } from '../bureau/bureau.repository';
import { RulesChangeLog } from '../rules-change/rules-change.log';
import { RulesEventsPublisher } from '../rules-change/rules-events.publisher';
import { RulesRepository } from './rules.repository';
import { CountryGroupEntity } from './country-group.entity';
import { groupExists, groupInUse, groupInvalid, unknownGroup } from './country-group.errors';
import { CountryGroupRepository, MAX_COUNTRY_GROUPS, toCountryGroup } from './country-group.repository';

export interface CountryGroupRequest {
  id: string;
  name: string;
  kind: CountryGroupKind;
  members: string[];
}

export type CountryGroupUpdate = Partial<Omit<CountryGroupRequest, 'id'>>;

/**
 * Country groups of the rules. Each change: members checked against the directory, one
 * transaction with a new rules version and its ledger record, then the rules-changed event.
 */
@Injectable()
export class CountryGroupService {
  constructor(
    private readonly writer: SerialWriter,
    private readonly snapshot: SnapshotReader,
    private readonly groups: CountryGroupRepository,
    private readonly rules: RulesRepository,
    private readonly bureaus: BureauRepository,
    private readonly log: RulesChangeLog,
    private readonly events: RulesEventsPublisher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  list(): Promise<CountryGroup[]> {
    return this.snapshot.read(async (manager) => (await this.groups.findAll(manager)).map(toCountryGroup));
  }

  async create(request: CountryGroupRequest, author: string): Promise<CountryGroup & { version: number }> {
    return this.commit(author, async (manager) => {
      if (await this.groups.find(manager, request.id)) throw groupExists(request.id);
      if ((await this.groups.count(manager)) >= MAX_COUNTRY_GROUPS)
        throw groupInvalid(`the rules hold at most ${MAX_COUNTRY_GROUPS} country groups`);
      const members = await this.checkedMembers(manager, request.members);
      return { before: undefined, after: { ...request, members } };
    });
  }

  async update(id: string, update: CountryGroupUpdate, author: string): Promise<CountryGroup & { version: number }> {
    return this.commit(author, async (manager) => {
      const row = await this.groups.find(manager, id);
      if (!row) throw unknownGroup(id);
      const before = toCountryGroup(row);
      const members =
        update.members === undefined ? before.members : await this.checkedMembers(manager, update.members);
      return { before, after: { id, name: update.name ?? before.name, kind: update.kind ?? before.kind, members } };
    });
  }

  async remove(id: string, author: string): Promise<{ version: number }> {
    const version = await this.writer.transaction(async (manager) => {
      const row = await this.groups.find(manager, id);
      if (!row) throw unknownGroup(id);
      const naming = policiesNaming((await this.rules.policySetInForce(manager))!.text, id);
      if (naming.length > 0) throw groupInUse(id, naming);
      const changed = await this.log.commit(
        manager,
        { type: 'group-changed', data: { change: 'deleted', group: toCountryGroup(row) }, author },
        this.clock.now(),
      );
      await this.groups.delete(manager, id);
      return changed;
    });
    this.events.changed({ version });
    return { version };
  }

  /** Sorted, each once, every one an enrolled or registered bureau (not the hub or the gateway). */
  async checkedMembers(manager: EntityManager, members: readonly string[]): Promise<string[]> {
    const unique = [...new Set(members)].sort();
    const problems: string[] = [];
    for (const code of unique) {
      const bureau = await this.bureaus.find(manager, code);
      if (!bureau) problems.push(`${code} is not a bureau in the directory`);
      else if (bureau.role !== 'bureau') problems.push(`${code} is the ${bureau.role}: groups are of bureaus`);
    }
    if (problems.length > 0) throw groupInvalid(`members: ${problems.join('; ')}`);
    return unique;
  }

  private async commit(
    author: string,
    change: (manager: EntityManager) => Promise<{ before?: CountryGroup; after: Omit<CountryGroup, 'updatedAt'> }>,
  ): Promise<CountryGroup & { version: number }> {
    const saved = await this.writer.transaction(async (manager) => {
      const { before, after } = await change(manager);
      const now = this.clock.now();
      const group: CountryGroup = { ...after, updatedAt: now.toISOString() };
      const added = after.members.filter((code) => !before?.members.includes(code));
      const removed = (before?.members ?? []).filter((code) => !after.members.includes(code));
      const version = await this.log.commit(
        manager,
        {
          type: 'group-changed',
          data: { change: before ? 'updated' : 'created', group, added, removed },
          author,
        },
        now,
      );
      await this.groups.save(
        manager,
        Object.assign(new CountryGroupEntity(), { ...group, members: JSON.stringify(group.members), version }),
      );
      return { ...group, version };
    });
    this.events.changed({ version: saved.version });
    return saved;
  }
}

/** The ids of the policies that name the group (`Group::"<id>"`), in text order. */
export function policiesNaming(policies: string, groupId: string): string[] {
  const reference = new RegExp(`Group::"${groupId}"`);
  const { texts, policies: facts } = parsePolicySet(policies);
  return [...facts.keys()].filter((id) => reference.test(texts[id]));
}

import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rateLimitsSchema, type Declaration, type RateLimits, type RuleBundle } from '@bureaunet/contracts';
import { SerialWriter, SnapshotReader } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import {
  BUREAUNET_SCHEMA,
  DEFAULT_POLICIES,
  DEFAULT_RATE_LIMITS,
  policyTextSha256,
  validatePolicySet,
} from '@bureaunet/policy';
import { CountryGroupRepository, toCountryGroup } from './country-group.repository';
import { OperationRepository, toOperation } from '../operation/operation.repository';
import { parseWireBody } from '../wire-body';
import type { DeclarationEntity } from './declaration.entity';
import { RulesChangeLog } from '../rules-change/rules-change.log';
import { RulesEventsPublisher } from '../rules-change/rules-events.publisher';
import { invalidRules } from './rules.errors';
import { RulesRepository } from './rules.repository';

export interface RulesView extends RuleBundle {
  /** The Cedar schema the policies are validated against. */
  schema: string;
  /** When the policy text and limits in force were set, and by which role. */
  policySet: { version: number; createdAt: string; author: string };
}

export interface RulesChangeRequest {
  policies?: string;
  limits?: unknown;
}

/**
 * The access rules in force and their changes. A change is validated first (an invalid policy set
 * is refused with the validator's messages and the set in force stays), then committed in one
 * transaction with its new version and its ledger record, then announced.
 */
@Injectable()
export class RulesService implements OnModuleInit {
  constructor(
    private readonly writer: SerialWriter,
    private readonly snapshot: SnapshotReader,
    private readonly rules: RulesRepository,
    private readonly operations: OperationRepository,
    private readonly groups: CountryGroupRepository,
    private readonly log: RulesChangeLog,
    private readonly events: RulesEventsPublisher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A new registry starts with the default policies and limits, as version 1. */
  async onModuleInit(): Promise<void> {
    const version = await this.writer.transaction(async (manager) => {
      if (await this.rules.policySetInForce(manager)) return undefined;
      return this.putInForce(manager, {
        text: DEFAULT_POLICIES,
        limits: DEFAULT_RATE_LIMITS,
        author: 'system',
        changed: ['policies', 'limits'],
      });
    });
    if (version !== undefined) this.events.changed({ version });
  }

  bundle(): Promise<RuleBundle> {
    return this.snapshot.read((manager) => this.bundleIn(manager));
  }

  async view(): Promise<RulesView> {
    return this.snapshot.read(async (manager) => {
      const bundle = await this.bundleIn(manager);
      const set = (await this.rules.policySetInForce(manager))!;
      return {
        ...bundle,
        schema: BUREAUNET_SCHEMA,
        policySet: { version: set.version, createdAt: set.createdAt, author: set.author },
      };
    });
  }

  version(): Promise<number> {
    return this.snapshot.read((manager) => this.log.currentVersion(manager));
  }

  async change(request: RulesChangeRequest, author: string): Promise<RulesView & { warnings: string[] }> {
    if (request.policies === undefined && request.limits === undefined)
      throw invalidRules('a change needs policies, limits or both');
    const limits = request.limits === undefined ? undefined : parseLimits(request.limits);
    // Throws PolicySetInvalidError (400, the validator's messages) before anything is written.
    const warnings = request.policies === undefined ? [] : validatePolicySet(request.policies).warnings;
    const version = await this.writer.transaction(async (manager) => {
      const current = (await this.rules.policySetInForce(manager))!;
      const changed = [
        ...(request.policies === undefined ? [] : ['policies']),
        ...(limits === undefined ? [] : ['limits']),
      ];
      return this.putInForce(manager, {
        text: request.policies ?? current.text,
        limits: limits ?? (JSON.parse(current.limits) as RateLimits),
        author,
        changed,
      });
    });
    this.events.changed({ version });
    return { ...(await this.view()), warnings };
  }

  /** The bundle the gateway applies, read in the caller's transaction. */
  async bundleIn(manager: EntityManager): Promise<RuleBundle> {
    // One after the other: the transaction has one SQLite connection.
    const latest = await this.log.latest(manager);
    const set = await this.rules.policySetInForce(manager);
    const declarations = await this.rules.declarations(manager);
    const operations = await this.operations.findAll(manager);
    const groups = await this.groups.findAll(manager);
    if (!latest || !set) throw new Error('no rules in force: the registry seeds them at start');
    return {
      version: latest.version,
      policies: set.text,
      limits: JSON.parse(set.limits) as RateLimits,
      declarations: declarations.map(toDeclaration),
      operations: operations.map(toOperation),
      groups: groups.map(toCountryGroup),
      changedAt: latest.at,
    };
  }

  private async putInForce(
    manager: EntityManager,
    set: { text: string; limits: RateLimits; author: string; changed: string[] },
  ): Promise<number> {
    const now = this.clock.now();
    const data = {
      changed: set.changed,
      policiesDigest: createHash('sha256').update(set.text).digest('base64url'),
      // The form the gateway's decision entries name it by (lowercase hex of the UTF-8 text).
      policySha256: policyTextSha256(set.text),
      limits: set.limits,
    };
    const version = await this.log.commit(manager, { type: 'rules-changed', data, author: set.author }, now);
    await this.rules.insertPolicySet(manager, {
      version,
      text: set.text,
      limits: JSON.stringify(set.limits),
      createdAt: now.toISOString(),
      author: set.author,
    });
    return version;
  }
}

function parseLimits(limits: unknown): RateLimits {
  try {
    return parseWireBody(rateLimitsSchema, limits);
  } catch (error) {
    throw invalidRules(`limits: ${(error as Error).message.replaceAll('body.', '')}`);
  }
}

export function toDeclaration(entity: DeclarationEntity): Declaration {
  return {
    id: entity.id,
    declarer: entity.declarer,
    counterpart: entity.counterpart,
    type: entity.type,
    createdAt: entity.createdAt,
  };
}

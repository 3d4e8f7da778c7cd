import { Inject, Injectable } from '@nestjs/common';
import { MESSAGE_KINDS, type CountryGroup, type MessageKind, type RuleBundle } from '@bureaunet/contracts';
import { SnapshotReader } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { PolicyEngine, type BureauFacts, type PreparedRules } from '@bureaunet/policy';
import { BureauRepository } from '../bureau/bureau.repository';
import { RulesService } from './rules.service';
import { unknownGroup } from './country-group.errors';
import { policiesNaming, type CountryGroupUpdate } from './country-group.service';

/** Most (sender, recipient, kind) pairs a preview decides twice; beyond, it says it stopped. */
export const MAX_PREVIEW_PAIRS = 10_000;
/** Most changed decisions a preview lists. */
export const MAX_PREVIEW_CHANGES = 500;

// Every kind a bureau originates with no reference to another envelope; replies and receipts follow these.
const PREVIEWED_KINDS: readonly MessageKind[] = MESSAGE_KINDS.filter(
  (kind) => !['receipt', 'query-result', 'hit-confirmation', 'consent-decision'].includes(kind),
);

export interface GroupChangeRequest extends CountryGroupUpdate {
  id: string;
  /** Preview deleting the group instead. */
  delete?: boolean;
}

export interface ChangedDecision {
  sender: string;
  recipient: string;
  kind: MessageKind;
  before: 'allow' | 'deny';
  after: 'allow' | 'deny';
  /** The rule that decides after the change (the refusing one, or the first permit). */
  rule?: string;
}

export interface GroupChangePreview {
  id: string;
  change: 'create' | 'update' | 'delete';
  /** The rules version the change is tried against. */
  version: number;
  /** Who `group:<id>` reaches once changed, and who it no longer reaches. */
  added: string[];
  removed: string[];
  /** The policies that name the group (Group::"<id>"): their decisions are the ones that can change. */
  policies: string[];
  /** Decisions to or from an added or removed member that the change turns around. */
  decisions: ChangedDecision[];
  /** (sender, recipient, kind) triples decided under both versions, and whether the bound stopped it. */
  evaluated: number;
  truncated: boolean;
}

/**
 * The dry run of a group change: the rules in force against the same bundle with the group
 * changed, decided (as the registry's rules check does, meta empty) for every kind between each
 * added or removed member and every other bureau, both ways. Nothing is stored.
 */
@Injectable()
export class CountryGroupPreview {
  private readonly engine = new PolicyEngine({ cachedDecisions: 0, keptVersions: 2 });

  constructor(
    private readonly rules: RulesService,
    private readonly snapshot: SnapshotReader,
    private readonly bureaus: BureauRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async preview(request: GroupChangeRequest): Promise<GroupChangePreview> {
    const bundle = await this.rules.bundle();
    const before = bundle.groups.find((group) => group.id === request.id);
    if (!before && (request.delete || request.name === undefined || request.kind === undefined))
      throw unknownGroup(request.id);
    const after = request.delete ? undefined : changedGroup(request, before, this.clock.now());
    const groups = bundle.groups.filter((group) => group.id !== request.id).concat(after ? [after] : []);
    const added = (after?.members ?? []).filter((code) => !before?.members.includes(code));
    const removed = (before?.members ?? []).filter((code) => !after?.members.includes(code));
    const directory = await this.snapshot.read((manager) => this.bureaus.findAll(manager));
    const everyone: BureauFacts[] = directory
      .filter((bureau) => bureau.role !== 'gateway')
      .map((bureau) => ({ code: bureau.code, role: bureau.role, status: bureau.status }));
    const compared = this.compare(bundle, { ...bundle, groups }, [...added, ...removed], everyone);
    return {
      id: request.id,
      change: request.delete ? 'delete' : before ? 'update' : 'create',
      version: bundle.version,
      added,
      removed,
      policies: policiesNaming(bundle.policies, request.id),
      ...compared,
    };
  }

  private compare(
    current: RuleBundle,
    candidate: RuleBundle,
    affected: readonly string[],
    everyone: readonly BureauFacts[],
  ): Pick<GroupChangePreview, 'decisions' | 'evaluated' | 'truncated'> {
    const before = this.engine.load(current);
    const after = this.engine.candidate(candidate);
    const now = this.clock.now();
    const decisions: ChangedDecision[] = [];
    let evaluated = 0;
    for (const code of affected) {
      const member = everyone.find((bureau) => bureau.code === code);
      if (!member) continue;
      for (const other of everyone.filter((bureau) => bureau.code !== code)) {
        for (const kind of PREVIEWED_KINDS) {
          for (const [sender, recipient] of [
            [member, other],
            [other, member],
          ]) {
            if (evaluated >= MAX_PREVIEW_PAIRS || decisions.length >= MAX_PREVIEW_CHANGES)
              return { decisions, evaluated, truncated: true };
            evaluated += 1;
            const changed = changedDecision(before, after, { sender, recipient, kind, now });
            if (changed) decisions.push(changed);
          }
        }
      }
    }
    return { decisions, evaluated, truncated: false };
  }
}

function changedDecision(
  before: PreparedRules,
  after: PreparedRules,
  pair: { sender: BureauFacts; recipient: BureauFacts; kind: MessageKind; now: Date },
): ChangedDecision | undefined {
  // As a node sends a diffusion: with the hub among its recipients.
  const envelope = { sender: pair.sender, kind: pair.kind, meta: {}, now: pair.now, recipientsIncludeHub: true };
  const was = before.decide(envelope, pair.recipient);
  const is = after.decide(envelope, pair.recipient);
  if (was.allowed === is.allowed) return undefined;
  const rule = is.refusal?.rule ?? is.policies[0];
  return {
    sender: pair.sender.code,
    recipient: pair.recipient.code,
    kind: pair.kind,
    before: was.allowed ? 'allow' : 'deny',
    after: is.allowed ? 'allow' : 'deny',
    ...(rule ? { rule } : {}),
  };
}

function changedGroup(request: GroupChangeRequest, before: CountryGroup | undefined, now: Date): CountryGroup {
  return {
    id: request.id,
    name: request.name ?? before!.name,
    kind: request.kind ?? before!.kind,
    members: [...new Set(request.members ?? before!.members)].sort(),
    updatedAt: now.toISOString(),
  };
}

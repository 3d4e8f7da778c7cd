import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import type { AuthorizationAnswer, EntityJson } from '@cedar-policy/cedar-wasm/nodejs';
import type {
  CountryGroup,
  Declaration,
  MessageKind,
  Operation,
  RateLimit,
  RateLimits,
  ScopeReference,
} from '@bureaunet/contracts';
import { ACTION_TYPE } from './bureaunet.schema';
import { DecisionCache } from './decision.cache';
import { bureauKey, deliveryContext, withTime, type DeliveryContext, type EnvelopeFacts } from './delivery-context';
import { timeDependentKinds } from './now-dependence';
import { handlingRefusalDetail } from './handling-refusal.detail';
import { EVALUATION_ERROR_RULE, type PolicyDecision } from './policy-decision';
import {
  actionEntity,
  bureauEntity,
  bureauUid,
  groupEntity,
  indexDeclarations,
  indexMemberships,
  operationEntity,
  type BureauFacts,
  type DeclaredSets,
} from './policy-entities';
import { DEFAULT_DENY_RULE, type ParsedPolicySet, type PolicyFacts } from './policy-set.parser';
import { preparedSchemaName } from './prepared-schema';

/** The parts of a rule bundle a decision reads. */
export interface RulesInput {
  version: number;
  limits: RateLimits;
  declarations: readonly Declaration[];
  operations: readonly Operation[];
  /** Country groups (absent: none). */
  groups?: readonly CountryGroup[];
}

export interface PreparedRulesOptions {
  /** Id under which cedar-wasm keeps the parsed policy set; unique in the process. */
  policySetId: string;
  /** Remember decisions that do not depend on the time (see timeDependentKinds); 0 turns it off. */
  cachedDecisions: number;
  /** Parse each request with the schema and check it (tests: the builders must match the schema). */
  validateRequests: boolean;
  /** Lowercase hex SHA-256 of the policy text's UTF-8, when known: what a decision names it by. */
  policySha256?: string;
}

/**
 * One version of the rules, ready to decide: the policy set parsed once into cedar-wasm, the
 * entities of declarations and operations built once, and decisions remembered while the version
 * is in force. Each request carries only the two bureaus and the operation it names.
 */
export class PreparedRules {
  readonly version: number;
  /** Lowercase hex SHA-256 of the UTF-8 policy text this version decides with (empty when not given). */
  readonly policySha256: string;
  private readonly declared: Map<string, DeclaredSets>;
  private readonly operations: Map<string, EntityJson>;
  private readonly groups: Map<string, EntityJson>;
  private readonly memberships: Map<string, string[]>;
  private readonly bureaus = new Map<string, EntityJson>();
  private readonly timeDependent: ReadonlySet<MessageKind>;
  private readonly cache: DecisionCache<PolicyDecision> | undefined;

  constructor(
    private readonly rules: RulesInput,
    private readonly policySet: ParsedPolicySet,
    private readonly options: PreparedRulesOptions,
  ) {
    this.version = rules.version;
    this.policySha256 = options.policySha256 ?? '';
    const parsed = cedar.preparsePolicySet(options.policySetId, { staticPolicies: { ...policySet.texts } });
    if (parsed.type === 'failure')
      throw new Error(
        `cedar-wasm refused a parsed policy set: ${parsed.errors.map((error) => error.message).join('; ')}`,
      );
    this.declared = indexDeclarations(rules.declarations);
    this.operations = new Map(rules.operations.map((operation) => [operation.id, operationEntity(operation)]));
    this.groups = new Map((rules.groups ?? []).map((group) => [group.id, groupEntity(group)]));
    this.memberships = indexMemberships(rules.groups ?? []);
    this.timeDependent = timeDependentKinds(policySet.policies.values());
    this.cache = options.cachedDecisions > 0 ? new DecisionCache(options.cachedDecisions) : undefined;
  }

  /** The limits for one bureau: the default, overridden field by field. */
  limitFor(code: string): RateLimit {
    return { ...this.rules.limits.default, ...this.rules.limits.bureaus[code] };
  }

  /**
   * The bureaus a `group:<id>` or `operation:<id>` element of `to` stands for under these rules:
   * the group's members or the operation's participants, sorted; undefined when unknown.
   */
  scopeMembers(scope: ScopeReference): string[] | undefined {
    const members =
      scope.type === 'group'
        ? this.rules.groups?.find((group) => group.id === scope.id)?.members
        : this.rules.operations.find((operation) => operation.id === scope.id)?.participants;
    return members && [...new Set(members)].sort();
  }

  decide(envelope: EnvelopeFacts, recipient: BureauFacts): PolicyDecision {
    return this.decideEach(envelope, [recipient])[0];
  }

  /** One decision per recipient, in order; the context is built once for the envelope. */
  decideEach(envelope: EnvelopeFacts, recipients: readonly BureauFacts[]): PolicyDecision[] {
    const delivery = deliveryContext(envelope, this.operations);
    const cacheable = this.cache && !this.timeDependent.has(envelope.kind);
    const prefix = `${bureauKey(envelope.sender)}|${envelope.kind}|${delivery.timelessKey}|`;
    return recipients.map((recipient) => {
      if (!cacheable) return this.evaluate(envelope, recipient, delivery);
      const key = prefix + bureauKey(recipient);
      const known = this.cache.get(key);
      if (known) return known;
      const decision = this.evaluate(envelope, recipient, delivery);
      this.cache.set(key, decision);
      return decision;
    });
  }

  private evaluate(envelope: EnvelopeFacts, recipient: BureauFacts, delivery: DeliveryContext): PolicyDecision {
    const entities = [this.bureau(envelope.sender), this.bureau(recipient), actionEntity(envelope.kind)];
    if (delivery.operation) entities.push(delivery.operation);
    const groupIds = new Set([
      ...(this.memberships.get(envelope.sender.code) ?? []),
      ...(this.memberships.get(recipient.code) ?? []),
    ]);
    for (const id of groupIds) entities.push(this.groups.get(id)!);
    const answer = cedar.statefulIsAuthorized({
      principal: bureauUid(envelope.sender.code),
      action: { type: ACTION_TYPE, id: envelope.kind },
      resource: bureauUid(recipient.code),
      context: withTime(delivery, envelope.now),
      entities,
      preparsedPolicySetId: this.options.policySetId,
      // Without the schema (~30 % faster): the policies were validated against it when prepared, and
      // the action entity above says which group the kind belongs to. Tests check requests against it.
      ...(this.options.validateRequests
        ? { preparsedSchemaName: preparedSchemaName(), validateRequest: true }
        : { validateRequest: false }),
    });
    return this.explain(answer, envelope, recipient);
  }

  private bureau(facts: BureauFacts): EntityJson {
    const key = bureauKey(facts);
    let entity = this.bureaus.get(key);
    if (!entity) {
      entity = bureauEntity(facts, this.declared.get(facts.code), this.memberships.get(facts.code));
      this.bureaus.set(key, entity);
    }
    return entity;
  }

  private explain(answer: AuthorizationAnswer, envelope: EnvelopeFacts, recipient: BureauFacts): PolicyDecision {
    if (answer.type === 'failure') {
      // A request the engine cannot evaluate is refused, never let through.
      const message = `the rules could not be evaluated: ${answer.errors.map((error) => error.message).join('; ')}`;
      return { allowed: false, policies: [], refusal: { code: 'policy-denied', message, rule: EVALUATION_ERROR_RULE } };
    }
    const { decision, diagnostics } = answer.response;
    const deciding = this.inOrder(diagnostics.reason);
    // Cedar skips a policy whose evaluation fails; for a forbid that would let through what it forbids.
    const failedForbid = this.inOrder(diagnostics.errors.map((error) => error.policyId)).find(
      (policy) => policy.effect === 'forbid',
    );
    if (decision === 'allow' && !failedForbid) return { allowed: true, policies: deciding.map((policy) => policy.id) };
    if (decision === 'allow' && failedForbid) {
      const error = diagnostics.errors.find((entry) => entry.policyId === failedForbid.id)!;
      const message = `policy ${failedForbid.id} could not be evaluated (${error.error.message}), so it refuses: ${failedForbid.reason}`;
      return {
        allowed: false,
        policies: [failedForbid.id],
        refusal: { code: failedForbid.refusal, message, rule: failedForbid.id },
      };
    }
    const first = deciding[0];
    if (!first) {
      const message = `no policy allows ${envelope.kind} from ${envelope.sender.code} to ${recipient.code} (default deny)`;
      return { allowed: false, policies: [], refusal: { code: 'policy-denied', message, rule: DEFAULT_DENY_RULE } };
    }
    const message =
      first.refusal === 'handling-restricted' ? `${first.reason} (${handlingRefusalDetail(envelope)})` : first.reason;
    return {
      allowed: false,
      policies: deciding.map((policy) => policy.id),
      refusal: { code: first.refusal, message, rule: first.id },
    };
  }

  private inOrder(ids: readonly string[]): PolicyFacts[] {
    return ids
      .map((id) => this.policySet.policies.get(id))
      .filter((policy): policy is PolicyFacts => policy !== undefined)
      .sort((a, b) => a.order - b.order);
  }
}

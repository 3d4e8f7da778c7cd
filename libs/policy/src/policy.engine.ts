import { createHash } from 'node:crypto';
import type { PolicyDecision } from './policy-decision';
import type { EnvelopeFacts } from './delivery-context';
import type { BureauFacts } from './policy-entities';
import { PolicyVersionUnknownError } from './policy.errors';
import { validatePolicySet } from './policy-set.validator';
import { PreparedRules, type RulesInput } from './prepared-rules';

export interface PolicyEngineOptions {
  /** Decisions remembered per version (0: none). Default 100 000. */
  cachedDecisions?: number;
  /** Versions kept prepared; the oldest is dropped beyond this. Default 4. */
  keptVersions?: number;
  /** Check each request against the schema (tests). Default false. */
  validateRequests?: boolean;
}

export interface BundleInput extends RulesInput {
  policies: string;
}

export interface DecisionRequest extends EnvelopeFacts {
  recipient: BureauFacts;
  policyVersion: number;
}

let engines = 0;

/** What a decision names its policy text by: lowercase hex SHA-256 of the text's UTF-8 bytes. */
export function policyTextSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Holds the prepared rules of the latest few versions. Preparing validates the policy text against
 * the schema, parses it once into cedar-wasm and builds the entities; deciding then costs one
 * evaluation over two or three entities, or a cache look-up.
 */
export class PolicyEngine {
  private readonly prepared = new Map<number, PreparedRules>();
  private readonly instance = ++engines;
  private readonly options: Required<PolicyEngineOptions>;

  constructor(options: PolicyEngineOptions = {}) {
    this.options = { cachedDecisions: 100_000, keptVersions: 4, validateRequests: false, ...options };
  }

  /** Prepares a version once; a second call for the same version returns what was prepared. */
  load(bundle: BundleInput): PreparedRules {
    const known = this.prepared.get(bundle.version);
    if (known) return known;
    const rules = this.prepare(bundle, `bureaunet-${this.instance}-v${bundle.version}`);
    this.prepared.set(bundle.version, rules);
    for (const version of [...this.prepared.keys()].sort((a, b) => a - b).slice(0, -this.options.keptVersions))
      this.prepared.delete(version);
    return rules;
  }

  /**
   * Rules that are not (yet) in force, e.g. a set an administrator tries before putting it in
   * force: prepared apart, never cached as a version, and not remembering decisions.
   */
  candidate(bundle: BundleInput): PreparedRules {
    const digest = createHash('sha256').update(bundle.policies).digest('hex').slice(0, 16);
    return this.prepare(bundle, `bureaunet-${this.instance}-candidate-${digest}`, 0);
  }

  get(version: number): PreparedRules | undefined {
    return this.prepared.get(version);
  }

  decide(request: DecisionRequest): PolicyDecision {
    const rules = this.prepared.get(request.policyVersion);
    if (!rules) throw new PolicyVersionUnknownError(request.policyVersion);
    const { recipient, policyVersion: _version, ...envelope } = request;
    return rules.decide(envelope, recipient);
  }

  private prepare(
    bundle: BundleInput,
    policySetId: string,
    cachedDecisions = this.options.cachedDecisions,
  ): PreparedRules {
    const { policySet } = validatePolicySet(bundle.policies);
    return new PreparedRules(bundle, policySet, {
      policySetId,
      cachedDecisions,
      validateRequests: this.options.validateRequests,
      policySha256: policyTextSha256(bundle.policies),
    });
  }
}

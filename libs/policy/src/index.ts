export { BUREAUNET_SCHEMA, POLICY_NAMESPACE } from './bureaunet.schema';
export { DEFAULT_POLICIES } from './default-policies';
export { DEFAULT_RATE_LIMITS } from './default-rate-limits';
export { type EnvelopeFacts } from './delivery-context';
export {
  NO_LINEAGE,
  effectiveRestrictions,
  inheritingReferences,
  type AnsweredEnvelope,
  type ConsentGrantFacts,
  type ConsentSubject,
  type EnvelopeLineage,
} from './envelope-lineage';
export { NO_HANDLING, declaredHandling, joinHandling, type EffectiveHandling } from './handling-lineage';
export { EVALUATION_ERROR_RULE, type PolicyDecision } from './policy-decision';
export { type BureauFacts } from './policy-entities';
export {
  DEFAULT_DENY_RULE,
  POLICY_REFUSAL_CODES,
  parsePolicySet,
  type ParsedPolicySet,
  type PolicyFacts,
  type PolicyRefusalCode,
} from './policy-set.parser';
export { validatePolicySet, type ValidatedPolicySet } from './policy-set.validator';
export {
  PolicyEngine,
  policyTextSha256,
  type BundleInput,
  type DecisionRequest,
  type PolicyEngineOptions,
} from './policy.engine';
export { PolicySetInvalidError, PolicyVersionUnknownError } from './policy.errors';
export { PreparedRules, type RulesInput } from './prepared-rules';
export { RateLimiter, admitToBucket, type RateDecision, type TokenBucket } from './rate-limiter';

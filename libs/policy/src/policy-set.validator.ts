import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import { BUREAUNET_SCHEMA } from './bureaunet.schema';
import { describeCedarError } from './cedar-diagnostics';
import { parsePolicySet, type ParsedPolicySet } from './policy-set.parser';
import { PolicySetInvalidError } from './policy.errors';

export interface ValidatedPolicySet {
  policySet: ParsedPolicySet;
  /** The validator's warnings (e.g. a policy that can never apply); they do not block a change. */
  warnings: string[];
}

/**
 * Parses the text and validates it against the schema in Cedar's strict mode: a typo in an
 * attribute, a missing `has` guard on an optional one, a type error or an unknown action is
 * refused with the validator's message before the set can be put in force.
 */
export function validatePolicySet(text: string): ValidatedPolicySet {
  const policySet = parsePolicySet(text);
  const answer = cedar.validate({
    schema: BUREAUNET_SCHEMA,
    policies: { staticPolicies: { ...policySet.texts } },
    validationSettings: { mode: 'strict' },
  });
  if (answer.type === 'failure')
    throw new PolicySetInvalidError(answer.errors.map((error) => describeCedarError(error)));
  const located = (entry: { policyId: string; error: Parameters<typeof describeCedarError>[0] }) =>
    `policy "${entry.policyId}": ${describeCedarError(entry.error, policySet.texts[entry.policyId])}`;
  if (answer.validationErrors.length > 0) throw new PolicySetInvalidError(unique(answer.validationErrors.map(located)));
  return {
    policySet,
    warnings: unique([
      ...answer.validationWarnings.map(located),
      ...answer.otherWarnings.map((warning) => describeCedarError(warning)),
    ]),
  };
}

/** The validator repeats a message once per action a policy applies to. */
function unique(messages: string[]): string[] {
  return [...new Set(messages)];
}

import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import type { PolicyJson } from '@cedar-policy/cedar-wasm/nodejs';
import { MAX_POLICY_TEXT_LENGTH, type RefusalCode } from '@bureaunet/contracts';
import { describeCedarError } from './cedar-diagnostics';
import { PolicySetInvalidError } from './policy.errors';

/** The rule a refusal names when no permit matched. Reserved: no policy may take this id. */
export const DEFAULT_DENY_RULE = 'default-deny';

/** The refusal codes a forbid may give the sender (@refusal); the default is policy-denied. */
export const POLICY_REFUSAL_CODES = [
  'policy-denied',
  'sender-suspended',
  'recipient-suspended',
  'handling-restricted',
] as const satisfies readonly RefusalCode[];
export type PolicyRefusalCode = (typeof POLICY_REFUSAL_CODES)[number];

const POLICY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface PolicyFacts {
  id: string;
  effect: 'permit' | 'forbid';
  refusal: PolicyRefusalCode;
  reason: string;
  /** Position in the text: when several forbids match, the first one written explains the refusal. */
  order: number;
  json: PolicyJson;
}

export interface ParsedPolicySet {
  /** Policy text by @id, as Cedar takes a static policy set. */
  readonly texts: Readonly<Record<string, string>>;
  /** Facts by @id, in text order. */
  readonly policies: ReadonlyMap<string, PolicyFacts>;
}

/**
 * Splits policy text into policies keyed by their @id and reads their annotations; throws
 * PolicySetInvalidError listing every problem (syntax, missing or duplicate ids, bad @refusal).
 * Does not consult the schema: validatePolicySet does.
 */
export function parsePolicySet(text: string): ParsedPolicySet {
  if (text.length > MAX_POLICY_TEXT_LENGTH)
    throw new PolicySetInvalidError([`the policy text is longer than ${MAX_POLICY_TEXT_LENGTH} characters`]);
  const split = cedar.policySetTextToParts(text);
  if (split.type === 'failure')
    throw new PolicySetInvalidError(split.errors.map((error) => describeCedarError(error, text)));
  if (split.policy_templates.length > 0)
    throw new PolicySetInvalidError(['policy templates are not supported: write static policies']);
  if (split.policies.length === 0)
    throw new PolicySetInvalidError(['the policy set is empty: at least one policy is needed']);

  const problems: string[] = [];
  const texts: Record<string, string> = {};
  const facts: PolicyFacts[] = [];
  textOrder(split.policies.length).forEach((order, index) => {
    const policyText = split.policies[index];
    const parsed = cedar.policyToJson(policyText);
    if (parsed.type === 'failure') {
      problems.push(...parsed.errors.map((error) => describeCedarError(error, policyText)));
      return;
    }
    const checked = policyFacts(parsed.json, order, `policy #${order + 1} (${firstLine(policyText)})`);
    if (typeof checked === 'string') return void problems.push(checked);
    if (texts[checked.id] !== undefined)
      return void problems.push(`@id("${checked.id}") is used by more than one policy`);
    texts[checked.id] = policyText;
    facts.push(checked);
  });
  if (problems.length > 0) throw new PolicySetInvalidError(problems);
  facts.sort((a, b) => a.order - b.order);
  return { texts, policies: new Map(facts.map((fact) => [fact.id, fact])) };
}

function policyFacts(json: PolicyJson, order: number, label: string): PolicyFacts | string {
  const annotations = json.annotations ?? {};
  const id = annotations['id'];
  if (id === undefined) return `${label}: every policy needs an @id("…") annotation`;
  if (!POLICY_ID.test(id)) return `${label}: @id("${id}") must be 1 to 64 lower-case letters, digits or dashes`;
  if (id === DEFAULT_DENY_RULE)
    return `${label}: @id("${DEFAULT_DENY_RULE}") is reserved for requests no permit matches`;
  const refusal = annotations['refusal'] ?? 'policy-denied';
  if (!(POLICY_REFUSAL_CODES as readonly string[]).includes(refusal)) {
    return `policy "${id}": @refusal("${refusal}") must be one of ${POLICY_REFUSAL_CODES.join(', ')}`;
  }
  return {
    id,
    effect: json.effect,
    refusal: refusal as PolicyRefusalCode,
    reason: annotations['reason'] ?? `decided by policy ${id}`,
    order,
    json,
  };
}

/**
 * policySetTextToParts returns the policies sorted by their generated ids (policy0, policy1,
 * policy10, policy11, policy2…), as strings: map each position back to its place in the text.
 */
function textOrder(count: number): number[] {
  return Array.from({ length: count }, (_, index) => `policy${index}`)
    .sort()
    .map((generated) => Number(generated.slice('policy'.length)));
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

import { scopeReferenceOf, type Refusal } from '@bureaunet/contracts';
import type { PreparedRules } from '@bureaunet/policy';

/**
 * The bureau codes a listed `to` stands for under the rules in force: each bureau code as written,
 * each `group:<id>` as the group's members and each `operation:<id>` as its participants (without
 * the sender), once each. The node resolved the same scopes to encrypt; deciding with the current
 * rules is what makes a member removed from a group stop receiving at once. A scope the rules do
 * not know refuses the whole envelope.
 */
export function expandRecipientScopes(
  to: readonly string[],
  from: string,
  rules: Pick<PreparedRules, 'scopeMembers' | 'version'>,
): { codes: string[] } | { refusal: Refusal } {
  const codes = new Set<string>();
  for (const element of to) {
    const scope = scopeReferenceOf(element);
    if (!scope) {
      codes.add(element);
      continue;
    }
    const members = rules.scopeMembers(scope);
    if (!members) {
      const what = scope.type === 'group' ? 'country group' : 'operation';
      return {
        refusal: {
          code: 'unknown-recipient',
          message: `to: ${element} names no ${what} in the rules in force (version ${rules.version})`,
        },
      };
    }
    members.filter((code) => code !== from).forEach((code) => codes.add(code));
  }
  return { codes: [...codes] };
}

import { MESSAGE_KINDS } from '@bureaunet/contracts';
import { DEFAULT_POLICIES } from './default-policies';
import { readsNow, timeDependentKinds } from './now-dependence';
import { parsePolicySet } from './policy-set.parser';

const kindsOf = (text: string) => [...timeDependentKinds(parsePolicySet(text).policies.values())].sort();

describe('timeDependentKinds', () => {
  it('finds that only operation alerts depend on the time under the default policies', () => {
    expect(kindsOf(DEFAULT_POLICIES)).toEqual(['operation-alert']);
  });

  it('counts every kind a policy on all actions covers, and the content group’s kinds', () => {
    expect(
      kindsOf('@id("a") forbid (principal, action, resource) when { context.now < datetime("2027-01-01") };'),
    ).toHaveLength(MESSAGE_KINDS.length);
    expect(
      kindsOf(
        '@id("a") forbid (principal, action in Bureaunet::Action::"content", resource) when { context.now < datetime("2027-01-01") };',
      ),
    ).not.toContain('receipt');
    expect(
      kindsOf(
        '@id("a") forbid (principal, action in [Bureaunet::Action::"receipt", Bureaunet::Action::"query"], resource) when { context.now < datetime("2027-01-01") };',
      ),
    ).toEqual(['query', 'receipt']);
  });

  it('ignores policies that do not read the time', () => {
    expect(kindsOf('@id("a") forbid (principal, action, resource) when { context.unresolvedReference };')).toEqual([]);
  });
});

describe('readsNow', () => {
  it('treats a use of the whole context as reading the time', () => {
    expect(readsNow({ '==': { left: { Var: 'context' }, right: { Record: {} } } })).toBe(true);
    expect(readsNow({ '.': { left: { Var: 'context' }, attr: 'restrictedTo' } })).toBe(false);
    expect(readsNow({ has: { left: { Var: 'context' }, attr: 'now' } })).toBe(true);
  });
});

import { HANDLING_CODES, type CountryGroup, type EnvelopeMeta, type MessageKind } from '@bureaunet/contracts';
import { DEFAULT_POLICIES } from './default-policies';
import { DEFAULT_RATE_LIMITS } from './default-rate-limits';
import { NO_LINEAGE, type EnvelopeLineage } from './envelope-lineage';
import type { EffectiveHandling } from './handling-lineage';
import type { PolicyDecision } from './policy-decision';
import type { BureauFacts } from './policy-entities';
import { PolicyEngine, type BundleInput } from './policy.engine';

const NOW = new Date('2026-11-25T12:00:00.000Z');
const hours = (count: number) => new Date(NOW.getTime() + count * 3_600_000).toISOString();
const ORIGIN = '01936f4e-7c1a-7000-8000-0000000000a1';

const BUREAUS: Record<string, BureauFacts> = Object.fromEntries(
  ['XH', 'DK', 'MR', 'FR', 'IT', 'BR'].map((code) => [
    code,
    { code, role: code === 'XH' ? 'hub' : 'bureau', status: 'active' },
  ]),
);

const group = (id: string, members: string[]): CountryGroup => ({
  id,
  name: id,
  kind: 'custom',
  members,
  updatedAt: hours(-1),
});

const BUNDLE: BundleInput = {
  version: 1,
  policies: DEFAULT_POLICIES,
  limits: DEFAULT_RATE_LIMITS,
  declarations: [],
  operations: [],
  groups: [group('europe', ['DK', 'FR', 'IT']), group('africa', ['MR'])],
};

/** What DK's H3 message to MR passes on, with FR on its allow-list. */
const h3 = (limits: Partial<EffectiveHandling> = {}): EffectiveHandling => ({
  level: 3,
  originId: ORIGIN,
  owner: 'DK',
  allowTo: ['FR'],
  ...limits,
});
const passingOn = (handling: EffectiveHandling, extra: Partial<EnvelopeLineage> = {}): EnvelopeLineage => ({
  ...NO_LINEAGE,
  handling,
  ...extra,
});

describe('the default policies on data owners, groups and the hub’s review', () => {
  const engine = new PolicyEngine({ validateRequests: true });
  engine.load(BUNDLE);
  const uncached = new PolicyEngine({ validateRequests: true, cachedDecisions: 0 });
  uncached.load(BUNDLE);

  function decide(
    sender: string,
    recipient: string,
    kind: MessageKind,
    meta: EnvelopeMeta = {},
    lineage?: EnvelopeLineage,
    now = NOW,
  ): PolicyDecision {
    const request = { sender: BUREAUS[sender], recipient: BUREAUS[recipient], kind, meta, now, lineage };
    const decision = engine.decide({ ...request, recipientsIncludeHub: true, policyVersion: 1 });
    // Whatever is remembered, the answer is the one Cedar gives afresh.
    expect(decision).toEqual(uncached.decide({ ...request, recipientsIncludeHub: true, policyVersion: 1 }));
    return decision;
  }
  const restricted = (rule: string) => ({
    allowed: false,
    refusal: { code: 'handling-restricted', rule, message: expect.any(String) },
  });

  describe('handling-not-lowered', () => {
    it.each([1, 2, 3])('lets a forward carrying H%i pass on H%i content', (level) => {
      const code = HANDLING_CODES[level];
      const handling = level === 3 ? { code, conditions: 'no further use' } : { code };
      const lineage = passingOn({ level, originId: ORIGIN, owner: 'DK' });
      expect(decide('MR', 'FR', 'message', { forwardOf: ORIGIN, handling }, lineage).allowed).toBe(true);
    });

    it('refuses a forward or reply that lowers the code, naming both codes', () => {
      const lineage = passingOn({ level: 2, originId: ORIGIN, owner: 'DK' });
      const lowered = decide('MR', 'FR', 'message', { forwardOf: ORIGIN, handling: { code: 'H1' } }, lineage);
      expect(lowered).toMatchObject(restricted('handling-not-lowered'));
      expect(lowered.refusal?.message).toContain('this envelope is H1, it passes on H2 content');
      expect(decide('MR', 'DK', 'message', { replyTo: ORIGIN }, lineage)).toMatchObject(
        restricted('handling-not-lowered'),
      );
    });

    it('does not hold a consent request to the code of what it asks about', () => {
      const lineage = passingOn(
        { level: 2, originId: ORIGIN, owner: 'DK' },
        { consentAbout: { owner: 'DK', deliveredTo: ['MR'] } },
      );
      const consent = { envelopeId: ORIGIN, purpose: 'evidence' as const };
      expect(decide('MR', 'DK', 'consent-request', { replyTo: ORIGIN, consent }, lineage).allowed).toBe(true);
    });
  });

  describe('handling-h3-allow-list', () => {
    const meta: EnvelopeMeta = { forwardOf: ORIGIN, handling: { code: 'H3', conditions: 'FR only' } };

    it('lets H3 content go to the allow-list and back to its owner', () => {
      expect(decide('MR', 'FR', 'message', meta, passingOn(h3())).allowed).toBe(true);
      expect(decide('MR', 'DK', 'message', { ...meta, replyTo: ORIGIN }, passingOn(h3())).allowed).toBe(true);
    });

    it('refuses H3 content to a bureau outside the allow-list, naming H3 and the list', () => {
      const decision = decide('MR', 'IT', 'message', meta, passingOn(h3()));
      expect(decision).toMatchObject(restricted('handling-h3-allow-list'));
      expect(decision.refusal?.message).toContain('H3');
      expect(decision.refusal?.message).toContain('allow-list FR');
    });

    it('lets the owner send its own content anywhere', () => {
      expect(decide('DK', 'IT', 'message', meta, passingOn(h3())).allowed).toBe(true);
    });

    it('lets H3 content go to a bureau a live grant covers, and not once the grant has expired', () => {
      const lineage = passingOn(h3(), { grants: [{ bureaus: ['IT'], expiresAt: hours(1) }] });
      expect(decide('MR', 'IT', 'message', meta, lineage).allowed).toBe(true);
      expect(decide('MR', 'IT', 'message', meta, lineage, new Date(hours(2)))).toMatchObject(
        restricted('handling-h3-allow-list'),
      );
    });

    it('puts no list on H3 content whose owner gave none', () => {
      expect(decide('MR', 'IT', 'message', meta, passingOn(h3({ allowTo: undefined }))).allowed).toBe(true);
    });
  });

  describe('handling-h3-expired', () => {
    const meta: EnvelopeMeta = { forwardOf: ORIGIN, handling: { code: 'H3', conditions: 'until noon' } };
    const lineage = passingOn(h3({ allowTo: undefined, expiresAt: hours(1) }));

    it('lets H3 content be passed on before its expiry and only back to the owner after it', () => {
      expect(decide('MR', 'FR', 'message', meta, lineage).allowed).toBe(true);
      const later = new Date(hours(1));
      expect(decide('MR', 'FR', 'message', meta, lineage, later)).toMatchObject(restricted('handling-h3-expired'));
      expect(decide('MR', 'DK', 'message', { ...meta, replyTo: ORIGIN }, lineage, later).allowed).toBe(true);
    });

    it('lets a live grant cover a bureau after the expiry', () => {
      const granted = passingOn(h3({ allowTo: undefined, expiresAt: hours(1) }), {
        grants: [{ bureaus: ['FR'], expiresAt: hours(5) }],
      });
      expect(decide('MR', 'FR', 'message', meta, granted, new Date(hours(2))).allowed).toBe(true);
    });
  });

  describe('diffusion-includes-hub', () => {
    it('refuses every recipient of a diffusion whose recipients leave out the hub', () => {
      const request = { sender: BUREAUS.DK, kind: 'diffusion' as const, meta: {}, now: NOW };
      const rules = engine.get(1)!;
      for (const decision of rules.decideEach(request, [BUREAUS.MR, BUREAUS.FR]))
        expect(decision).toMatchObject({ allowed: false, refusal: { rule: 'diffusion-includes-hub' } });
      expect(rules.decideEach({ ...request, recipientsIncludeHub: true }, [BUREAUS.MR, BUREAUS.XH])).toEqual([
        expect.objectContaining({ allowed: true }),
        expect.objectContaining({ allowed: true }),
      ]);
    });
  });

  describe('consent kinds', () => {
    const consent = { envelopeId: ORIGIN, purpose: 'onward-sharing' as const, bureaus: ['IT'] };
    const about = { consentAbout: { owner: 'DK', deliveredTo: ['MR'] } };

    it('lets a bureau that received the content ask its owner, and nobody else', () => {
      expect(decide('MR', 'DK', 'consent-request', { consent }, passingOn(h3(), about)).allowed).toBe(true);
      expect(decide('MR', 'FR', 'consent-request', { consent }, passingOn(h3(), about))).toMatchObject({
        allowed: false,
        refusal: { rule: 'consent-request-to-owner-only' },
      });
      expect(decide('IT', 'DK', 'consent-request', { consent }, passingOn(h3(), about))).toMatchObject({
        allowed: false,
        refusal: { rule: 'consent-request-to-owner-only' },
      });
    });

    it('lets only the owner answer, back to the bureau that asked', () => {
      const answering = (from: string) =>
        passingOn(h3(), { ...about, answers: { from, kind: 'consent-request', deliveredTo: ['DK'] } });
      const decision = { ...consent, decision: 'granted' as const, expiresAt: hours(1) };
      const meta = { replyTo: ORIGIN, consent: decision };
      expect(decide('DK', 'MR', 'consent-decision', meta, answering('MR')).allowed).toBe(true);
      expect(decide('FR', 'MR', 'consent-decision', meta, answering('MR'))).toMatchObject({
        allowed: false,
        refusal: { rule: 'consent-decision-from-owner' },
      });
      expect(decide('DK', 'IT', 'consent-decision', meta, answering('MR'))).toMatchObject({
        allowed: false,
        refusal: { rule: 'consent-decision-from-owner' },
      });
    });
  });

  describe('requests', () => {
    it('exchanges requests between bureaus and their answers back to the asker', () => {
      expect(decide('MR', 'FR', 'request').allowed).toBe(true);
      const answers = { from: 'MR', kind: 'request' as const, deliveredTo: ['FR'] };
      expect(decide('FR', 'MR', 'query-result', { replyTo: ORIGIN }, { ...NO_LINEAGE, answers }).allowed).toBe(true);
    });
  });

  describe('country groups', () => {
    it('makes each member’s entity a child of its groups, for policies to name', () => {
      const rules = new PolicyEngine({ validateRequests: true }).load({
        ...BUNDLE,
        policies: `${DEFAULT_POLICIES}
@id("no-queries-to-africa")
forbid (principal, action == Bureaunet::Action::"query", resource in Bureaunet::Group::"africa");`,
      });
      const query = { sender: BUREAUS.DK, kind: 'query' as const, meta: {}, now: NOW };
      expect(rules.decide(query, BUREAUS.MR)).toMatchObject({
        allowed: false,
        refusal: { rule: 'no-queries-to-africa' },
      });
      expect(rules.decide(query, BUREAUS.FR).allowed).toBe(true);
    });

    it('names the members of a group and the participants of an operation', () => {
      const rules = new PolicyEngine().load({
        ...BUNDLE,
        operations: [
          { id: 'op-1', name: 'op', coordinator: 'DK', participants: ['MR', 'FR'], start: hours(-1), end: hours(1) },
        ],
      });
      expect(rules.scopeMembers({ type: 'group', id: 'europe' })).toEqual(['DK', 'FR', 'IT']);
      expect(rules.scopeMembers({ type: 'operation', id: 'op-1' })).toEqual(['FR', 'MR']);
      expect(rules.scopeMembers({ type: 'group', id: 'nowhere' })).toBeUndefined();
    });
  });
});

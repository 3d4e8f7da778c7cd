import type { Declaration, EnvelopeMeta, MessageKind, Operation } from '@bureaunet/contracts';
import { DEFAULT_POLICIES } from './default-policies';
import { DEFAULT_RATE_LIMITS } from './default-rate-limits';
import type { EnvelopeLineage } from './envelope-lineage';
import type { PolicyDecision } from './policy-decision';
import type { BureauFacts } from './policy-entities';
import { PolicyEngine, type BundleInput } from './policy.engine';

const NOW = new Date('2026-11-25T12:00:00.000Z');
const ID = '01936f4e-7c1a-7000-8000-000000000001';
const hours = (count: number) => new Date(NOW.getTime() + count * 3_600_000).toISOString();

const BUREAUS: Record<string, BureauFacts> = {
  XH: { code: 'XH', role: 'hub', status: 'active' },
  DK: { code: 'DK', role: 'bureau', status: 'active' },
  MR: { code: 'MR', role: 'bureau', status: 'active' },
  FR: { code: 'FR', role: 'bureau', status: 'active' },
  IT: { code: 'IT', role: 'bureau', status: 'active' },
  SE: { code: 'SE', role: 'bureau', status: 'suspended' },
};

const declaration = (declarer: string, type: Declaration['type'], counterpart: string): Declaration => ({
  id: `${declarer}-${type}-${counterpart}`,
  declarer,
  counterpart,
  type,
  createdAt: hours(-24),
});
const operation = (id: string, start: string, end: string): Operation => ({
  id,
  name: `operation ${id}`,
  coordinator: 'DK',
  participants: ['MR', 'FR'],
  start,
  end,
});

const BUNDLE: BundleInput = {
  version: 1,
  policies: DEFAULT_POLICIES,
  limits: DEFAULT_RATE_LIMITS,
  declarations: [declaration('MR', 'refuses-diffusions-from', 'DK'), declaration('FR', 'does-not-send-to', 'IT')],
  operations: [
    operation('op-running', hours(-1), hours(1)),
    operation('op-ended', hours(-3), hours(-2)),
    operation('op-future', hours(2), hours(3)),
  ],
};

describe('PolicyEngine with the default policies', () => {
  // Requests are checked against the schema too: the entity and context builders must match it.
  const engine = new PolicyEngine({ validateRequests: true });
  engine.load(BUNDLE);

  function decide(
    sender: string,
    recipient: string,
    kind: MessageKind,
    meta: EnvelopeMeta = {},
    lineage?: EnvelopeLineage,
    now = NOW,
  ): PolicyDecision {
    return engine.decide({
      sender: BUREAUS[sender],
      recipient: BUREAUS[recipient],
      kind,
      meta,
      now,
      lineage,
      // As the gateway resolves a diffusion built by a node: with the hub among its recipients.
      recipientsIncludeHub: true,
      policyVersion: 1,
    });
  }
  const allowedBy = (policy: string) => ({ allowed: true, policies: expect.arrayContaining([policy]) });
  const refusedBy = (rule: string, code = 'policy-denied') => ({
    allowed: false,
    refusal: { code, rule, message: expect.any(String) },
  });

  describe('1. default deny; the hub is always reachable', () => {
    it('denies what no policy permits, naming default-deny', () => {
      expect(decide('DK', 'MR', 'query-result')).toEqual({
        allowed: false,
        policies: [],
        refusal: {
          code: 'policy-denied',
          rule: 'default-deny',
          message: 'no policy allows query-result from DK to MR (default deny)',
        },
      });
    });

    it('lets every active bureau reach the hub, even with a kind it may not send to a bureau', () => {
      expect(decide('DK', 'XH', 'query-result')).toMatchObject(allowedBy('hub-always-reachable'));
    });

    it('keeps everyday traffic between active bureaus allowed', () => {
      for (const kind of ['message', 'diffusion', 'notice-request', 'query'] as const) {
        expect({ kind, ...decide('FR', 'MR', kind) }).toMatchObject({ kind, ...allowedBy('exchange-between-bureaus') });
      }
    });
  });

  describe('2. a suspended bureau neither sends nor receives, except with the hub', () => {
    it('refuses what a suspended bureau sends to a bureau, as sender-suspended', () => {
      expect(decide('SE', 'MR', 'message')).toMatchObject(refusedBy('suspended-sender', 'sender-suspended'));
    });

    it('lets a suspended bureau reach the hub', () => {
      expect(decide('SE', 'XH', 'message')).toMatchObject(allowedBy('hub-always-reachable'));
    });

    it('refuses what a bureau sends to a suspended one, as recipient-suspended', () => {
      expect(decide('MR', 'SE', 'diffusion')).toMatchObject(refusedBy('suspended-recipient', 'recipient-suspended'));
    });

    it('lets the hub reach a suspended bureau', () => {
      expect(decide('XH', 'SE', 'message')).toMatchObject({ allowed: true });
    });
  });

  describe('3. who may originate which kind', () => {
    it('lets the hub publish and cancel notices', () => {
      expect(decide('XH', 'MR', 'notice', { noticeType: 'red' })).toMatchObject(allowedBy('hub-publishes-notices'));
      expect(decide('XH', 'MR', 'notice-cancel')).toMatchObject(allowedBy('hub-publishes-notices'));
    });

    it('refuses a notice from a bureau, even to the hub, and accepts its notice request', () => {
      expect(decide('DK', 'MR', 'notice')).toMatchObject(refusedBy('notices-only-from-hub'));
      expect(decide('DK', 'XH', 'notice-cancel')).toMatchObject(refusedBy('notices-only-from-hub'));
      expect(decide('DK', 'XH', 'notice-request', { noticeType: 'red' })).toMatchObject({ allowed: true });
    });

    it('lets the coordinator alert a participant while the operation runs', () => {
      expect(decide('DK', 'MR', 'operation-alert', { operationId: 'op-running' })).toMatchObject(
        allowedBy('operation-alert-to-participants'),
      );
    });

    it('refuses an alert from a participant that does not coordinate', () => {
      expect(decide('MR', 'FR', 'operation-alert', { operationId: 'op-running' })).toMatchObject(
        refusedBy('operation-alert-from-coordinator'),
      );
    });

    it('refuses an alert to a bureau outside the operation, the hub included', () => {
      expect(decide('DK', 'IT', 'operation-alert', { operationId: 'op-running' })).toMatchObject(
        refusedBy('operation-alert-to-participants-only'),
      );
      expect(decide('DK', 'XH', 'operation-alert', { operationId: 'op-running' })).toMatchObject(
        refusedBy('operation-alert-to-participants-only'),
      );
    });

    it('refuses an alert before the start and after the end', () => {
      expect(decide('DK', 'MR', 'operation-alert', { operationId: 'op-ended' })).toMatchObject(
        refusedBy('operation-alert-while-running'),
      );
      expect(decide('DK', 'MR', 'operation-alert', { operationId: 'op-future' })).toMatchObject(
        refusedBy('operation-alert-while-running'),
      );
      // The same operation, once its start has come.
      expect(
        decide('DK', 'MR', 'operation-alert', { operationId: 'op-future' }, undefined, new Date(hours(2))),
      ).toMatchObject({ allowed: true });
      expect(
        decide('DK', 'MR', 'operation-alert', { operationId: 'op-future' }, undefined, new Date(hours(3))),
      ).toMatchObject({ allowed: false });
    });

    it('refuses an alert that names no known operation', () => {
      expect(decide('DK', 'MR', 'operation-alert')).toMatchObject(refusedBy('operation-alert-needs-operation'));
      expect(decide('DK', 'MR', 'operation-alert', { operationId: 'no-such-operation' })).toMatchObject(
        refusedBy('operation-alert-needs-operation'),
      );
    });
  });

  describe('4. bilateral declarations', () => {
    it('refuses a diffusion to a bureau that does not accept diffusions from the sender, and only that', () => {
      expect(decide('DK', 'MR', 'diffusion')).toMatchObject(refusedBy('refuses-diffusions-from'));
      expect(decide('DK', 'MR', 'message')).toMatchObject({ allowed: true });
      expect(decide('MR', 'DK', 'diffusion')).toMatchObject({ allowed: true });
    });

    it('refuses what a bureau sends to one it declared it does not send to, and only in that direction', () => {
      expect(decide('FR', 'IT', 'message')).toMatchObject(refusedBy('does-not-send-to'));
      expect(decide('IT', 'FR', 'message')).toMatchObject({ allowed: true });
    });

    it('still lets the declarer return a receipt', () => {
      const answers = { from: 'IT', kind: 'message' as const, deliveredTo: ['FR'] };
      expect(decide('FR', 'IT', 'receipt', {}, { inheritedRestrictions: [], unresolved: [], answers })).toMatchObject(
        allowedBy('receipt-to-original-sender'),
      );
    });
  });

  describe('5. data-owner restrictions hold for the original and everything that refers to it', () => {
    it('refuses a restricted recipient of the original and delivers to the others', () => {
      expect(decide('DK', 'FR', 'diffusion', { restrictedTo: ['FR', 'IT'] })).toMatchObject(
        refusedBy('data-owner-restriction'),
      );
      expect(decide('DK', 'FR', 'diffusion', { restrictedTo: ['IT'] })).toMatchObject({ allowed: true });
    });

    it('refuses a reply or forward by anyone to a country the original excluded', () => {
      const inherited = { inheritedRestrictions: ['FR'], unresolved: [] };
      expect(
        decide('MR', 'FR', 'message', { replyTo: '0192b3c4-0000-7000-8000-000000000001' }, inherited),
      ).toMatchObject(refusedBy('data-owner-restriction'));
      expect(
        decide('XH', 'FR', 'message', { forwardOf: '0192b3c4-0000-7000-8000-000000000001' }, inherited),
      ).toMatchObject(refusedBy('data-owner-restriction'));
      expect(
        decide('MR', 'IT', 'message', { replyTo: '0192b3c4-0000-7000-8000-000000000001' }, inherited),
      ).toMatchObject({ allowed: true });
    });

    it('refuses a reference to an envelope the gateway never accepted', () => {
      expect(
        decide(
          'MR',
          'IT',
          'message',
          { replyTo: '0192b3c4-0000-7000-8000-000000000002' },
          { inheritedRestrictions: [], unresolved: ['0192b3c4-0000-7000-8000-000000000002'] },
        ),
      ).toMatchObject(refusedBy('unresolved-reference'));
    });
  });

  describe('receipts and answers', () => {
    const answering = (from: string, kind: MessageKind, deliveredTo: string[]): EnvelopeLineage => ({
      inheritedRestrictions: [],
      unresolved: [],
      answers: { from, kind, deliveredTo },
    });

    it('delivers a receipt to the sender of what the receipting bureau received', () => {
      expect(decide('MR', 'DK', 'receipt', {}, answering('DK', 'diffusion', ['MR', 'FR']))).toMatchObject(
        allowedBy('receipt-to-original-sender'),
      );
    });

    it('refuses a receipt to anyone else, or for an envelope the receipting bureau did not get', () => {
      expect(decide('MR', 'FR', 'receipt', {}, answering('DK', 'diffusion', ['MR', 'FR']))).toMatchObject(
        refusedBy('default-deny'),
      );
      expect(decide('IT', 'DK', 'receipt', {}, answering('DK', 'diffusion', ['MR', 'FR']))).toMatchObject(
        refusedBy('default-deny'),
      );
      expect(decide('MR', 'DK', 'receipt')).toMatchObject(refusedBy('default-deny'));
    });

    it('refuses a receipt to a suspended sender (rule 2 wins)', () => {
      expect(decide('MR', 'SE', 'receipt', {}, answering('SE', 'message', ['MR']))).toMatchObject(
        refusedBy('suspended-recipient', 'recipient-suspended'),
      );
    });

    it('delivers a query result to the bureau that asked, and nowhere else', () => {
      expect(decide('MR', 'DK', 'query-result', {}, answering('DK', 'query', ['MR']))).toMatchObject(
        allowedBy('query-result-to-querier'),
      );
      expect(decide('MR', 'DK', 'query-result', {}, answering('DK', 'message', ['MR']))).toMatchObject(
        refusedBy('default-deny'),
      );
    });
  });

  describe('6. border checks: records only from their issuer to the hub, hits only to the record owner', () => {
    it('takes a travel-document record from its issuing bureau to the hub', () => {
      expect(decide('DK', 'XH', 'travel-document-record', { recordOwner: 'DK' })).toMatchObject({ allowed: true });
    });

    it('refuses a record a bureau sends for another country, or without naming the owner', () => {
      expect(decide('MR', 'XH', 'travel-document-record', { recordOwner: 'DK' })).toMatchObject(
        refusedBy('records-only-by-issuer'),
      );
      expect(decide('MR', 'XH', 'travel-document-record')).toMatchObject(refusedBy('records-only-by-issuer'));
    });

    it('refuses a record sent anywhere but the hub', () => {
      expect(decide('DK', 'MR', 'travel-document-record', { recordOwner: 'DK' })).toMatchObject(
        refusedBy('records-only-to-hub'),
      );
    });

    it('lets a hit notification reach the record owner and no one else', () => {
      expect(decide('MR', 'DK', 'hit-notification', { recordOwner: 'DK' })).toEqual(allowedBy('hit-to-record-owner'));
      expect(decide('MR', 'FR', 'hit-notification', { recordOwner: 'DK' })).toMatchObject(
        refusedBy('hit-only-to-record-owner'),
      );
    });

    it('lets the owner answer a hit notification to its sender only', () => {
      const answers = { from: 'MR', kind: 'hit-notification' as const, deliveredTo: ['DK'] };
      const lineage = { inheritedRestrictions: [], unresolved: [], answers };
      expect(decide('DK', 'MR', 'hit-confirmation', { replyTo: ID }, lineage)).toEqual(
        allowedBy('hit-answered-to-checker'),
      );
      expect(decide('DK', 'FR', 'hit-confirmation', { replyTo: ID }, lineage)).toMatchObject(refusedBy('default-deny'));
      expect(
        decide(
          'DK',
          'MR',
          'hit-confirmation',
          { replyTo: ID },
          { ...lineage, answers: { ...answers, kind: 'message' } },
        ),
      ).toMatchObject(refusedBy('default-deny'));
    });
  });

  describe('when several forbids match', () => {
    it('names the first one written and lists them all', () => {
      const decision = decide('SE', 'MR', 'diffusion', { restrictedTo: ['MR'] });
      expect(decision.refusal?.rule).toBe('suspended-sender');
      expect(decision.policies).toEqual(['suspended-sender', 'data-owner-restriction']);
    });
  });
});

describe('PolicyEngine versions and caching', () => {
  const request = {
    sender: BUREAUS.DK,
    recipient: BUREAUS.MR,
    kind: 'diffusion' as const,
    meta: {},
    now: NOW,
    recipientsIncludeHub: true,
  };

  it('prepares a version once and refuses to decide for one it has not loaded', () => {
    const engine = new PolicyEngine();
    expect(engine.load(BUNDLE)).toBe(engine.load(BUNDLE));
    expect(() => engine.decide({ ...request, policyVersion: 2 })).toThrow(
      expect.objectContaining({ code: 'rules-version-unknown', kind: 'unavailable' }),
    );
  });

  it('decides each version by its own rules and drops the oldest beyond what it keeps', () => {
    const engine = new PolicyEngine({ keptVersions: 2 });
    engine.load(BUNDLE);
    engine.load({ ...BUNDLE, version: 2, declarations: [] });
    expect(engine.decide({ ...request, policyVersion: 1 }).allowed).toBe(false);
    expect(engine.decide({ ...request, policyVersion: 2 }).allowed).toBe(true);
    engine.load({ ...BUNDLE, version: 3 });
    expect(engine.get(1)).toBeUndefined();
    expect(engine.get(3)).toBeDefined();
  });

  it('gives the same answers with and without the decision cache', () => {
    const cached = new PolicyEngine().load(BUNDLE);
    const uncached = new PolicyEngine({ cachedDecisions: 0 }).load(BUNDLE);
    const cases: Array<[string, string, MessageKind, EnvelopeMeta]> = [
      ['DK', 'MR', 'diffusion', {}],
      ['DK', 'MR', 'message', {}],
      ['DK', 'FR', 'message', { restrictedTo: ['FR'] }],
      ['DK', 'MR', 'operation-alert', { operationId: 'op-running' }],
    ];
    for (let round = 0; round < 2; round += 1) {
      for (const [sender, recipient, kind, meta] of cases) {
        const envelope = { sender: BUREAUS[sender], kind, meta, now: NOW, recipientsIncludeHub: true };
        expect(cached.decide(envelope, BUREAUS[recipient])).toEqual(uncached.decide(envelope, BUREAUS[recipient]));
      }
    }
  });

  it('decides the same without the schema at hand as with it, for every kind', () => {
    const checked = new PolicyEngine({ validateRequests: true, cachedDecisions: 0 }).load(BUNDLE);
    const fast = new PolicyEngine({ cachedDecisions: 0 }).load(BUNDLE);
    for (const kind of [
      'notice-request',
      'notice',
      'notice-cancel',
      'diffusion',
      'message',
      'operation-alert',
      'query',
      'query-result',
      'receipt',
    ] as const) {
      for (const restrictedTo of [[], ['MR']]) {
        const envelope = { sender: BUREAUS.XH, kind, meta: { restrictedTo, operationId: 'op-running' }, now: NOW };
        expect({ kind, ...fast.decide(envelope, BUREAUS.MR) }).toEqual({
          kind,
          ...checked.decide(envelope, BUREAUS.MR),
        });
      }
    }
  });

  it('never caches a decision that depends on the time', () => {
    const rules = new PolicyEngine().load(BUNDLE);
    const alert = { sender: BUREAUS.DK, kind: 'operation-alert' as const, meta: { operationId: 'op-future' } };
    expect(rules.decide({ ...alert, now: NOW }, BUREAUS.MR).allowed).toBe(false);
    expect(rules.decide({ ...alert, now: new Date(hours(2.5)) }, BUREAUS.MR).allowed).toBe(true);
  });

  it('sees a change of status in the directory although the rules version is the same', () => {
    const rules = new PolicyEngine().load(BUNDLE);
    const envelope = { sender: BUREAUS.DK, kind: 'message' as const, meta: {}, now: NOW };
    expect(rules.decide(envelope, BUREAUS.MR).allowed).toBe(true);
    expect(rules.decide(envelope, { ...BUREAUS.MR, status: 'suspended' }).refusal?.code).toBe('recipient-suspended');
  });

  it('decides a broadcast recipient by recipient', () => {
    const rules = new PolicyEngine().load(BUNDLE);
    const decisions = rules.decideEach(
      { sender: BUREAUS.DK, kind: 'diffusion', meta: { restrictedTo: ['FR'] }, now: NOW, recipientsIncludeHub: true },
      ['XH', 'MR', 'FR', 'IT', 'SE'].map((code) => BUREAUS[code]),
    );
    expect(decisions.map((decision) => decision.refusal?.rule ?? 'allowed')).toEqual([
      'allowed',
      'refuses-diffusions-from',
      'data-owner-restriction',
      'allowed',
      'suspended-recipient',
    ]);
  });

  it('reads each bureau’s rate limit from the bundle, overrides field by field', () => {
    const rules = new PolicyEngine().load({
      ...BUNDLE,
      limits: {
        default: { messagesPerMinute: 60, recipientsPerMessage: 10 },
        bureaus: { DK: { messagesPerMinute: 5 } },
      },
    });
    expect(rules.limitFor('DK')).toEqual({ messagesPerMinute: 5, recipientsPerMessage: 10 });
    expect(rules.limitFor('MR')).toEqual({ messagesPerMinute: 60, recipientsPerMessage: 10 });
  });
});

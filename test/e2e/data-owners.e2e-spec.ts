import { HUB_CODE } from '@bureaunet/contracts';
import { DEFAULT_POLICIES } from '@bureaunet/policy';
import { HttpError, SentMessageView, TestNetwork, startTestNetwork, waitFor } from '@bureaunet/testing';
import { RogueBureau, type TrailEntry } from '@bureaunet/testing/rogue-bureau';
import { describeConsentAtTheNode } from './consent-at-the-node.e2e-cases';
import { describeExchange } from './exchange.e2e-cases';
import { describeLedgerSearch } from './ledger-search.e2e-cases';

type Json = Record<string, unknown>;
type Recipient = SentMessageView['recipients'][number];

/**
 * Data owners in control, through the real gateway: handling codes held along a lineage, consent
 * asked and granted as signed messages and applied until it expires, country groups as `to` scopes,
 * and the hub's review of every diffusion enforced by the switch. DK owns the content throughout;
 * MR receives it and tries to pass it on; FR and the hub are who it may or may not reach. A node
 * refuses at once what the gateway's rules would refuse (its dry-run asks the gateway), so each
 * refusal is checked twice: at the node, and at the gateway for the same envelope signed with the
 * sender's real keys and put on the bus past its node.
 */
describe('data owners in control, end to end', () => {
  let network: TestNetwork;

  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'DK', 'MR', 'FR']);
  });

  const rogues = new Map<string, RogueBureau>();

  afterAll(async () => {
    for (const rogue of rogues.values()) await rogue.close();
    await network?.teardown();
  });

  async function registry(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${network.registry.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${network.adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
  }

  async function gatewayHasRules(version: number): Promise<void> {
    await waitFor(
      async () =>
        ((await (await fetch(`${network.gateway.url}/api/rules/status`)).json()) as { version: number | null })
          .version! >= version,
      { what: `rules version ${version} at the gateway` },
    );
  }

  /** Sends through the node's API (meta passes through as given), then waits for the gateway's report. */
  async function send(
    from: string,
    request: { kind: string; to: string[]; meta?: Json; body?: unknown },
    recipients = request.to.length,
  ): Promise<SentMessageView> {
    const { id } = await network.api(from).send({ body: { text: 'case file 2026/118' }, ...request });
    return waitFor(
      async () => {
        const view = await network.api(from).message<SentMessageView>(id);
        const decided =
          view.status === 'refused' ||
          (view.status === 'accepted' &&
            view.recipients.length >= recipients &&
            view.recipients.every((recipient) => recipient.state !== 'pending'));
        return decided ? view : undefined;
      },
      { what: `the report on ${request.kind} ${id} from ${from}` },
    );
  }

  /** The node's answer to a send its rules dry-run finds refused: a 422 naming the rule; nothing is sent. */
  async function refusedAtOnce(
    from: string,
    request: { kind: string; to: string[]; meta?: Json },
    code: string,
  ): Promise<{ code: string; reason: string }> {
    const error: unknown = await network
      .api(from)
      .send({ body: { text: 'case file 2026/118' }, ...request })
      .then(
        () => undefined,
        (failure: unknown) => failure,
      );
    expect(error).toBeInstanceOf(HttpError);
    const answer = (error as HttpError).body as { code: string; reason: string };
    expect({ status: (error as HttpError).status, code: answer.code }).toEqual({ status: 422, code });
    return answer;
  }

  /** The gateway's verdict on the same envelope, signed by the sender's real keys and submitted past its node. */
  async function refusedAtGateway(
    from: string,
    request: { kind: string; to: string[]; meta?: Json },
    recipient: string,
  ): Promise<TrailEntry> {
    let rogue = rogues.get(from);
    if (!rogue) {
      rogue = await RogueBureau.posingWith(network, from);
      rogues.set(from, rogue);
    }
    const sealed = await rogue.seal({
      kind: request.kind as never,
      to: request.to,
      meta: request.meta ?? {},
      body: { text: 'case file 2026/118' },
    });
    await rogue.submit(sealed.serialized);
    return waitFor(
      async () =>
        (await rogue.trail(sealed.payload.id)).find(
          (entry) => entry.type === 'recipient-refused' && entry.to === recipient,
        ),
      { what: `the gateway's refusal of ${request.kind} ${sealed.payload.id} to ${recipient}` },
    );
  }

  const stateOf = (view: SentMessageView, code: string): Recipient | undefined =>
    view.recipients.find((recipient) => recipient.code === code);
  const expectDelivered = (view: SentMessageView, code: string) =>
    expect(stateOf(view, code)?.state).toMatch(/delivered|receipted/);
  const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
  const past = async (instant: string) =>
    waitFor(() => Date.now() > Date.parse(instant) + 250, { what: `the clock past ${instant}`, timeoutMs: 60_000 });

  describe('handling codes on forwards and replies', () => {
    it.each(['H0', 'H1', 'H2'] as const)(
      'passes a forward that carries %s on and refuses one that lowers it',
      async (code) => {
        const handling = { code };
        const original = await send('DK', { kind: 'message', to: ['MR'], meta: { handling } });
        expectDelivered(original, 'MR');
        const carried = await send('MR', {
          kind: 'message',
          to: ['FR'],
          meta: { forwardOf: original.id, handling },
        });
        expectDelivered(carried, 'FR');
        const reply = await send('MR', { kind: 'message', to: ['DK'], meta: { replyTo: original.id, handling } });
        expectDelivered(reply, 'DK');
        // With no code given, MR's node gives the forward the one it passes on.
        const inherited = await send('MR', { kind: 'message', to: ['FR'], meta: { forwardOf: original.id } });
        expectDelivered(inherited, 'FR');
        if (code === 'H0') return;
        const lowered = { kind: 'message', to: ['FR'], meta: { forwardOf: original.id, handling: { code: 'H0' } } };
        expect((await refusedAtOnce('MR', lowered, 'handling-lowered')).reason).toContain(
          `meta.handling H0 is lower than ${code}`,
        );
        expect(await refusedAtGateway('MR', lowered, 'FR')).toMatchObject({
          code: 'handling-restricted',
          rule: 'handling-not-lowered',
        });
      },
    );

    let secret: SentMessageView;
    const h3 = { code: 'H3', conditions: 'for the hub only', allowTo: [HUB_CODE] };

    it('passes H3 content on inside its allow-list and back to its owner, and refuses it elsewhere naming H3', async () => {
      secret = await send('DK', { kind: 'message', to: ['MR'], meta: { handling: h3 } });
      expectDelivered(secret, 'MR');
      const inside = await send('MR', {
        kind: 'message',
        to: [HUB_CODE],
        meta: { forwardOf: secret.id, handling: h3 },
      });
      expectDelivered(inside, HUB_CODE);
      const toOwner = await send('MR', { kind: 'message', to: ['DK'], meta: { replyTo: secret.id, handling: h3 } });
      expectDelivered(toOwner, 'DK');
      const outside = { kind: 'message', to: ['FR'], meta: { forwardOf: secret.id, handling: h3 } };
      expect((await refusedAtOnce('MR', outside, 'send-refused')).reason).toMatch(
        /FR: handling-restricted by rule handling-h3-allow-list \(H3.*owner DK; allow-list XH/,
      );
      expect(await refusedAtGateway('MR', outside, 'FR')).toMatchObject({
        code: 'handling-restricted',
        rule: 'handling-h3-allow-list',
      });
      // A forward of the forward still carries the owner's list.
      const again = { kind: 'message', to: ['FR'], meta: { forwardOf: inside.id, handling: h3 } };
      expect((await refusedAtOnce('XH', again, 'send-refused')).reason).toContain('rule handling-h3-allow-list');
      expect(await refusedAtGateway('XH', again, 'FR')).toMatchObject({ rule: 'handling-h3-allow-list' });
    });

    it('refuses H3 content to anyone but its owner once the owner’s expiry has passed', async () => {
      const expiresAt = inSeconds(6);
      const handling = { code: 'H3', conditions: 'until the raid', expiresAt };
      const expiring = await send('DK', { kind: 'message', to: ['MR'], meta: { handling } });
      const before = await send('MR', { kind: 'message', to: ['FR'], meta: { forwardOf: expiring.id, handling } });
      expectDelivered(before, 'FR');
      await past(expiresAt);
      const after = { kind: 'message', to: ['FR'], meta: { forwardOf: expiring.id, handling } };
      expect((await refusedAtOnce('MR', after, 'send-refused')).reason).toContain('rule handling-h3-expired');
      expect(await refusedAtGateway('MR', after, 'FR')).toMatchObject({
        code: 'handling-restricted',
        rule: 'handling-h3-expired',
      });
      const toOwner = await send('MR', { kind: 'message', to: ['DK'], meta: { replyTo: expiring.id, handling } });
      expectDelivered(toOwner, 'DK');
    });

    describe('onward-sharing consent', () => {
      let request: SentMessageView;
      const asked = () => ({ envelopeId: secret.id, purpose: 'onward-sharing', bureaus: ['FR'] });

      it('takes a consent request only to the owner of the content it names', async () => {
        request = await send('MR', { kind: 'consent-request', to: ['DK'], meta: { consent: asked() } });
        expectDelivered(request, 'DK');
        const elsewhere = { kind: 'consent-request', to: ['FR'], meta: { consent: asked() } };
        expect((await refusedAtOnce('MR', elsewhere, 'send-refused')).reason).toContain(
          'rule consent-request-to-owner-only',
        );
        expect(await refusedAtGateway('MR', elsewhere, 'FR')).toMatchObject({
          code: 'policy-denied',
          rule: 'consent-request-to-owner-only',
        });
      });

      it('refuses a consent decision from anyone but the owner, and it grants nothing', async () => {
        const consent = { ...asked(), decision: 'granted', expiresAt: inSeconds(3600) };
        const forged = { kind: 'consent-decision', to: ['MR'], meta: { replyTo: request.id, consent } };
        expect((await refusedAtOnce('FR', forged, 'send-refused')).reason).toContain(
          'rule consent-decision-from-owner',
        );
        expect(await refusedAtGateway('FR', forged, 'MR')).toMatchObject({
          code: 'policy-denied',
          rule: 'consent-decision-from-owner',
        });
        const forward = { kind: 'message', to: ['FR'], meta: { forwardOf: secret.id, handling: h3 } };
        expect(await refusedAtGateway('MR', forward, 'FR')).toMatchObject({ rule: 'handling-h3-allow-list' });
      });

      it('lets the forward through once the owner grants it, and refuses it again after the grant expires', async () => {
        const expiresAt = inSeconds(8);
        const granted = await send('DK', {
          kind: 'consent-decision',
          to: ['MR'],
          meta: { replyTo: request.id, consent: { ...asked(), decision: 'granted', expiresAt } },
        });
        expectDelivered(granted, 'MR');
        // The grant is ledgered, owner to asker; the forged one was not.
        const entries = await waitFor(
          async () => {
            const search = await fetch(`${network.gateway.url}/api/ledger/search?kind=consent-granted`, {
              headers: { authorization: `Bearer ${network.gatewayTokens.auditor}` },
            });
            const page = (await search.json()) as { entries?: Json[] };
            return page.entries && page.entries.length > 0 ? page.entries : undefined;
          },
          { what: 'the grant in the ledger search' },
        );
        expect(entries).toEqual([
          expect.objectContaining({ type: 'consent-granted', envelope_id: granted.id, sender: 'DK', recipient: 'MR' }),
        ]);
        const forward = await send('MR', { kind: 'message', to: ['FR'], meta: { forwardOf: secret.id, handling: h3 } });
        expectDelivered(forward, 'FR');
        await past(expiresAt);
        const late = { kind: 'message', to: ['FR'], meta: { forwardOf: secret.id, handling: h3 } };
        expect((await refusedAtOnce('MR', late, 'send-refused')).reason).toContain('rule handling-h3-allow-list');
        expect(await refusedAtGateway('MR', late, 'FR')).toMatchObject({ rule: 'handling-h3-allow-list' });
      });
    });
  });

  describe('country groups as `to` scopes', () => {
    it('expands a group to its members, and a member removed stops receiving', async () => {
      const created = await registry('POST', '/api/rules/groups', {
        id: 'west-africa',
        name: 'West Africa and friends',
        kind: 'custom',
        members: ['MR', 'FR'],
      });
      expect(created).toMatchObject({ status: 201, body: { id: 'west-africa', members: ['FR', 'MR'] } });
      await gatewayHasRules(created.body.version as number);
      const toGroup = await send('DK', { kind: 'message', to: ['group:west-africa'] }, 2);
      expect(toGroup.recipients.map((recipient) => recipient.code).sort()).toEqual(['FR', 'MR']);
      expectDelivered(toGroup, 'MR');
      expectDelivered(toGroup, 'FR');

      const preview = await registry('POST', '/api/rules/groups/preview', { id: 'west-africa', members: ['MR'] });
      expect(preview).toMatchObject({ status: 200, body: { change: 'update', added: [], removed: ['FR'] } });
      const changed = await registry('PUT', '/api/rules/groups/west-africa', { members: ['MR'] });
      expect(changed).toMatchObject({ status: 200, body: { members: ['MR'] } });
      await gatewayHasRules(changed.body.version as number);
      const after = await send('DK', { kind: 'message', to: ['group:west-africa'] }, 1);
      expect(after.recipients.map((recipient) => recipient.code)).toEqual(['MR']);
      expect((await network.api('FR').inbox()).items.find((item) => item.id === after.id)).toBeUndefined();
    });

    it('refuses to delete a group a policy names, and names the policy', async () => {
      const policy = `@id("no-queries-to-west-africa")
forbid (principal, action == Bureaunet::Action::"query", resource in Bureaunet::Group::"west-africa");`;
      expect((await registry('PUT', '/api/rules', { policies: `${DEFAULT_POLICIES}\n${policy}` })).status).toBe(200);
      const refused = await registry('DELETE', '/api/rules/groups/west-africa');
      expect(refused).toMatchObject({
        status: 409,
        body: { code: 'group-in-use', reason: expect.stringContaining('no-queries-to-west-africa') },
      });
      expect((await registry('PUT', '/api/rules', { policies: DEFAULT_POLICIES })).status).toBe(200);
      expect((await registry('DELETE', '/api/rules/groups/west-africa')).status).toBe(200);
    });
  });

  describe('the hub’s review of diffusions', () => {
    it('refuses a diffusion without the hub, at the node and at the gateway for every recipient', async () => {
      const withoutHub = { kind: 'diffusion', to: ['MR', 'FR'] };
      await refusedAtOnce('DK', withoutHub, 'diffusion-includes-hub');
      for (const code of ['MR', 'FR'])
        expect(await refusedAtGateway('DK', withoutHub, code)).toMatchObject({
          code: 'policy-denied',
          rule: 'diffusion-includes-hub',
        });
      const withHub = await send('DK', { kind: 'diffusion', to: ['MR', HUB_CODE] });
      expectDelivered(withHub, 'MR');
      expectDelivered(withHub, HUB_CODE);
    });
  });

  it('exchanges a request between bureaus and its answer back to the asker', async () => {
    const request = await send('DK', { kind: 'request', to: ['MR'], meta: { priority: 'urgent' } });
    expectDelivered(request, 'MR');
    const answer = await send('MR', { kind: 'query-result', to: ['DK'], meta: { replyTo: request.id } });
    expectDelivered(answer, 'DK');
  });

  describeConsentAtTheNode(() => network);
  describeLedgerSearch(() => network);
  // Last: these revoke FR's certificate.
  describeExchange(() => network);
});

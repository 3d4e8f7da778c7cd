import { HUB_CODE, type Handling } from '@bureaunet/contracts';
import { ReceivedMessageView, SentMessageView, TestNetwork, waitFor } from '@bureaunet/testing';

type Json = Record<string, unknown>;

interface ConsentView {
  id: string;
  direction: 'incoming' | 'outgoing';
  messageId: string;
  envelopeId: string;
  asker: string;
  owner: string;
  purpose: string;
  bureaus?: string[];
  note?: string;
  state: 'pending' | 'granted' | 'refused';
  active: boolean;
  decisionId?: string;
  decidedBy?: string;
  expiresAt?: string;
  reason?: string;
}

interface LedgerPage {
  entries: Array<{ type: string; status: string; kind: string | null; envelope_id: string | null }>;
}

const H3: Handling = { code: 'H3', conditions: 'For the Rosso investigation only', allowTo: [HUB_CODE] };
const REPORT = {
  subject: 'Rosso crossing',
  text: 'Vehicle seen crossing at Rosso at 06:10, two occupants, heading north; plate matches the stolen list.',
};

/**
 * Handling codes and consent as the node's API and its officers see them. Run by the data-owners spec
 * on its network (hub, FR, DK, MR), after its own cases: one network start for both.
 */
export function describeConsentAtTheNode(networkOf: () => TestNetwork): void {
  describe('handling codes and the data owner’s consent, at the node (hub + 3 bureaus, real gateway)', () => {
    let network: TestNetwork;
    // FR owns an H3 report it sent to DK; MR is the bureau DK would like to share it with.
    let report: string;

    async function call<T = Json>(
      code: string,
      method: string,
      path: string,
      body?: unknown,
    ): Promise<{ status: number; body: T }> {
      const response = await fetch(`${network.node(code).url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${network.nodeTokens.get(code)!.officer}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
    }

    const received = (code: string, id: string) =>
      waitFor(async () => (await network.api(code).inbox()).items.find((item) => item.id === id), {
        what: `${id} in ${code}'s inbox`,
      });

    const consentAt = (code: string, id: string, state?: ConsentView['state']) =>
      waitFor(
        async () =>
          (await call<{ items: ConsentView[] }>(code, 'GET', '/api/consent-requests')).body.items.find(
            (item) => item.id === id && (!state || item.state === state),
          ),
        { what: `consent request ${id}${state ? ` ${state}` : ''} at ${code}` },
      );

    const accepted = (code: string, id: string) =>
      waitFor(
        async () => {
          const view = await network.api(code).message<SentMessageView>(id);
          return view.status !== 'pending' && view.recipients.every((recipient) => recipient.state !== 'pending')
            ? view
            : undefined;
        },
        { what: `the gateway's report on ${id} from ${code}` },
      );

    beforeAll(async () => {
      network = networkOf();
      ({ id: report } = await network
        .api('FR')
        .send({ kind: 'message', to: ['DK'], meta: { handling: H3 }, body: REPORT }));
      await received('DK', report);
    });

    it('shows the recipient the handling code it received', async () => {
      const view = await network.api('DK').message<ReceivedMessageView & { handling: Json }>(report);
      expect(view.handling).toEqual(H3);
      expect(view.meta.handling).toEqual(H3);
    });

    it('refuses at the node to send received content as a new message, naming the envelope and forwardOf', async () => {
      const sentBefore = (await call<{ items: unknown[] }>('DK', 'GET', '/api/messages')).body.items.length;
      const resent = await call('DK', 'POST', '/api/messages', { kind: 'message', to: ['MR'], body: REPORT });
      expect(resent).toEqual({
        status: 422,
        body: {
          code: 'content-origin-missing',
          reason: `the body repeats content received in envelope ${report}: send it as a forward with meta.forwardOf ${report}`,
        },
      });
      const pasted = await call('DK', 'POST', '/api/messages', {
        kind: 'message',
        to: ['MR'],
        body: { subject: 'New', text: `  ${REPORT.text.replace(/ /g, '\n')}` },
      });
      expect(pasted).toMatchObject({ status: 422, body: { code: 'content-origin-missing' } });
      // Refused before anything was sealed or stored.
      expect((await call<{ items: unknown[] }>('DK', 'GET', '/api/messages')).body.items).toHaveLength(sentBefore);
    });

    it('keeps the handling on a forward, and refuses one that lowers it naming both codes', async () => {
      const lowered = await call('DK', 'POST', '/api/messages', {
        kind: 'message',
        to: [HUB_CODE],
        meta: { forwardOf: report, handling: { code: 'H1' } },
        body: { text: 'FYI', forwarded: REPORT },
      });
      expect(lowered.status).toBe(422);
      expect(lowered.body).toMatchObject({
        code: 'handling-lowered',
        reason: expect.stringContaining(`H1 is lower than H3 of envelope ${report}`),
      });
      const { id } = await network.api('DK').send({
        kind: 'message',
        to: [HUB_CODE],
        meta: { forwardOf: report },
        body: { text: 'FYI', forwarded: REPORT },
      });
      expect((await network.api('DK').message<SentMessageView>(id)).meta.handling).toEqual(H3);
      const atHub = await received(HUB_CODE, id);
      expect(atHub.meta).toMatchObject({ forwardOf: report, handling: H3 });
    });

    it('asks the owner, who grants: the signed decision is recorded at both ends and ledgered, and the forward to the granted bureau passes', async () => {
      const asked = await call<ConsentView>('DK', 'POST', `/api/messages/${report}/consent-requests`, {
        purpose: 'onward-sharing',
        bureaus: ['MR'],
        note: 'MR holds the vehicle file',
      });
      expect(asked.status).toBe(201);
      expect(asked.body).toMatchObject({ direction: 'outgoing', owner: 'FR', envelopeId: report, state: 'pending' });
      expect((await accepted('DK', asked.body.id)).status).toBe('accepted');

      const incoming = await consentAt('FR', asked.body.id);
      expect(incoming).toMatchObject({
        direction: 'incoming',
        asker: 'DK',
        owner: 'FR',
        purpose: 'onward-sharing',
        bureaus: ['MR'],
        note: 'MR holds the vehicle file',
        state: 'pending',
      });
      const past = await call('FR', 'POST', `/api/consent-requests/${asked.body.id}/grant`, {
        expiresAt: '2020-01-01T00:00:00Z',
      });
      expect(past).toMatchObject({ status: 400, body: { code: 'consent-expiry-invalid' } });
      const expiresAt = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
      const granted = await call<ConsentView>('FR', 'POST', `/api/consent-requests/${asked.body.id}/grant`, {
        expiresAt,
      });
      expect(granted.status).toBe(200);
      expect(granted.body).toMatchObject({ state: 'granted', active: true, expiresAt, decidedBy: 'role:officer' });
      const again = await call('FR', 'POST', `/api/consent-requests/${asked.body.id}/refuse`, {
        reason: 'changed mind',
      });
      expect(again).toMatchObject({ status: 409, body: { code: 'consent-already-decided' } });

      const atAsker = await consentAt('DK', asked.body.id, 'granted');
      expect(atAsker).toMatchObject({ active: true, expiresAt, bureaus: ['MR'], decisionId: granted.body.decisionId });
      const view = await network.api('DK').message<ReceivedMessageView & { consents: ConsentView[] }>(report);
      expect(view.consents).toEqual([expect.objectContaining({ id: asked.body.id, state: 'granted' })]);
      const ownerView = await network.api('FR').message<SentMessageView & { consents: ConsentView[] }>(report);
      expect(ownerView.consents).toEqual([expect.objectContaining({ id: asked.body.id, state: 'granted' })]);

      const ledger = await waitFor(
        async () => {
          const response = await fetch(`${network.gateway.url}/api/ledger/search?party=FR&limit=500`, {
            headers: { authorization: `Bearer ${network.gatewayTokens.auditor}` },
          });
          const page = (await response.json()) as LedgerPage;
          const entries = page.entries.filter((entry) => entry.envelope_id === granted.body.decisionId);
          return entries.some((entry) => entry.type === 'receipt') ? entries : undefined;
        },
        { what: 'the consent-decision and its receipt in the ledger' },
      );
      expect(ledger.length).toBeGreaterThan(1);

      const forward = await network.api('DK').send({
        kind: 'message',
        to: ['MR'],
        meta: { forwardOf: report },
        body: { text: 'Shared with FR’s consent', forwarded: REPORT },
      });
      const decided = await accepted('DK', forward.id);
      expect(decided.recipients).toEqual([
        expect.objectContaining({ code: 'MR', state: expect.stringMatching(/delivered|receipted/) }),
      ]);
      expect((await received('MR', forward.id)).meta.handling).toEqual(H3);
    });

    it('tells the asker when the owner refuses, with the reason', async () => {
      const asked = await call<ConsentView>('DK', 'POST', `/api/messages/${report}/consent-requests`, {
        purpose: 'evidence',
      });
      expect(asked.status).toBe(201);
      const duplicate = await call('DK', 'POST', `/api/messages/${report}/consent-requests`, { purpose: 'evidence' });
      expect(duplicate).toMatchObject({ status: 409, body: { code: 'consent-request-pending' } });
      await consentAt('FR', asked.body.id, 'pending');
      const empty = await call('FR', 'POST', `/api/consent-requests/${asked.body.id}/refuse`, {});
      expect(empty.status).toBe(400);
      const refused = await call<ConsentView>('FR', 'POST', `/api/consent-requests/${asked.body.id}/refuse`, {
        reason: 'The source may not appear in court',
      });
      expect(refused.body).toMatchObject({ state: 'refused', active: false });
      const atAsker = await consentAt('DK', asked.body.id, 'refused');
      expect(atAsker).toMatchObject({ reason: 'The source may not appear in court', active: false });
      expect(atAsker.expiresAt).toBeUndefined();
    });

    it('validates what is asked, and lets only the owner’s side decide', async () => {
      const noBureaus = await call('DK', 'POST', `/api/messages/${report}/consent-requests`, {
        purpose: 'onward-sharing',
      });
      expect(noBureaus).toMatchObject({ status: 400, body: { reason: expect.stringContaining('bureaus') } });
      const owner = await call('DK', 'POST', `/api/messages/${report}/consent-requests`, {
        purpose: 'onward-sharing',
        bureaus: ['FR'],
      });
      expect(owner).toMatchObject({ status: 400, body: { code: 'consent-bureaus-invalid' } });
      const { id: plain } = await network.api('FR').send({ kind: 'message', to: ['DK'], body: { text: 'an H0 note' } });
      await received('DK', plain);
      expect(
        await call('DK', 'POST', `/api/messages/${plain}/consent-requests`, { purpose: 'evidence' }),
      ).toMatchObject({
        status: 422,
        body: { code: 'consent-not-needed' },
      });
      const outgoing = (await call<{ items: ConsentView[] }>('DK', 'GET', '/api/consent-requests?direction=outgoing'))
        .body;
      // DK asked; DK cannot decide its own request.
      expect(await call('DK', 'POST', `/api/consent-requests/${outgoing.items[0].id}/grant`, {})).toMatchObject({
        status: 404,
        body: { code: 'consent-request-not-found' },
      });
    });
  });
}

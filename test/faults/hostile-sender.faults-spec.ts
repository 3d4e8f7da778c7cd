import { randomUUID } from 'node:crypto';
import { HUB_CODE } from '@bureaunet/contracts';
import { reportFault, startTestNetwork, waitFor, type ReceivedMessageView, type TestNetwork } from '@bureaunet/testing';
import { RogueBureau, type TrailEntry } from '@bureaunet/testing/rogue-bureau';

/**
 * A bureau with valid credentials that signs whatever it likes and puts it straight on the bus,
 * past its own node: every forgery is refused by the gateway with the code that names it, recorded
 * in the ledger, and never reaches a recipient.
 */
describe('a hostile sender with valid credentials', () => {
  let network: TestNetwork;
  let mr: RogueBureau;

  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK', 'FR', 'RV']);
    mr = await RogueBureau.posingWith(network, 'MR');
  });

  afterAll(async () => {
    await mr?.close();
    await network?.teardown();
  });

  async function refusalOf(id: string): Promise<TrailEntry> {
    return waitFor(
      async () =>
        (await mr.trail(id)).find((entry) => entry.type === 'submission-refused' || entry.type === 'recipient-refused'),
      { what: `the gateway's verdict on ${id}` },
    );
  }

  async function inboxIds(code: string): Promise<string[]> {
    return (await network.api(code).inbox()).items.map((item) => item.id);
  }

  /** Delivered to nobody: a message sent after it reached the recipient first, and it did not. */
  async function expectNotDelivered(code: string, ids: readonly string[]): Promise<number> {
    const { id: marker } = await network.api('FR').send({ kind: 'message', to: [code], body: { text: 'marker' } });
    await waitFor(async () => (await inboxIds(code)).includes(marker), { what: `the marker at ${code}` });
    const inbox = await inboxIds(code);
    return ids.filter((id) => inbox.includes(id)).length;
  }

  it('refuses forged senders, forged signatures and changed bytes, each with its code', async () => {
    const cases: Array<{
      what: string;
      code: string;
      make: () => Promise<{ id: string; raw: string; subject?: string }>;
    }> = [
      {
        what: 'claims to be DK on its own subject',
        code: 'sender-mismatch',
        make: async () => wrap(await mr.seal({ to: ['DK'], from: 'DK' })),
      },
      {
        what: "publishes on DK's subject as DK with MR's key",
        code: 'certificate-invalid',
        make: async () => ({ ...wrap(await mr.seal({ to: ['FR'], from: 'DK' })), subject: 'bn.submit.DK' }),
      },
      {
        what: 'changes one signed byte',
        code: 'bad-signature',
        make: async () => {
          const sealed = await mr.seal({ to: ['DK'] });
          const signature = sealed.jws.signature;
          const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
          return { id: sealed.payload.id, raw: JSON.stringify({ ...sealed.jws, signature: flipped }) };
        },
      },
    ];
    const outcomes: string[] = [];
    for (const attack of cases) {
      const { id, raw, subject } = await attack.make();
      await mr.submit(raw, { subject });
      outcomes.push(`${attack.what}: ${(await refusalOf(id)).code as string}`);
    }
    const delivered = await expectNotDelivered('DK', []);
    reportFault({
      fault: 'forged sender / signature',
      tries: cases.length,
      refused: outcomes.filter((line, index) => line.endsWith(cases[index].code)).length,
      lost: 0,
      duplicated: delivered,
    });
    expect(outcomes).toEqual(cases.map((attack) => `${attack.what}: ${attack.code}`));
  });

  it('delivers an exact second copy once and refuses the same id with other content as a replay', async () => {
    const first = await mr.seal({ to: ['DK'], body: { text: 'original' } });
    await mr.submit(first.serialized);
    await mr.submit(first.serialized, { msgId: `${first.payload.id}:again` });
    const other = await mr.seal({ id: first.payload.id, to: ['DK'], body: { text: 'substituted' } });
    await mr.submit(other.serialized);
    const replay = await waitFor(
      async () =>
        (await mr.trail(first.payload.id)).find(
          (entry) => entry.type === 'submission-refused' && entry.code === 'replay',
        ),
      { what: 'the replay refusal' },
    );
    // The digest names the signed bytes, not the signature: a second copy with a broken one is not passed on.
    const signature = first.jws.signature;
    await mr.submit(
      JSON.stringify({ ...first.jws, signature: `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}` }),
      { msgId: `${first.payload.id}:broken` },
    );
    await waitFor(
      async () =>
        (await mr.trail(first.payload.id)).find(
          (entry) => entry.type === 'submission-refused' && entry.code === 'bad-signature',
        ),
      { what: 'the broken copy refused' },
    );
    await expectNotDelivered('DK', []);
    const copies = (await inboxIds('DK')).filter((id) => id === first.payload.id).length;
    reportFault({
      fault: 'replay',
      tries: 4,
      refused: replay ? 2 : 0,
      lost: copies === 0 ? 1 : 0,
      duplicated: Math.max(0, copies - 1),
    });
    expect(copies).toBe(1);
    const body = (await network.api('DK').message<ReceivedMessageView>(first.payload.id)).body;
    expect(body).toEqual({ text: 'original' });
  });

  it('refuses future-dated, stale and expired envelopes (clock skew beyond the window)', async () => {
    const now = Date.now();
    const cases = [
      {
        code: 'future-dated',
        envelope: { to: ['DK'], createdAt: new Date(now + 3_600_000), expiresAt: new Date(now + 7_200_000) },
      },
      {
        code: 'stale',
        envelope: { to: ['DK'], createdAt: new Date(now - 2 * 86_400_000), expiresAt: new Date(now + 3_600_000) },
      },
      {
        code: 'expired',
        envelope: { to: ['DK'], createdAt: new Date(now - 7_200_000), expiresAt: new Date(now - 3_600_000) },
      },
    ];
    const codes: string[] = [];
    const ids: string[] = [];
    for (const attack of cases) {
      const sealed = await mr.seal(attack.envelope);
      ids.push(sealed.payload.id);
      await mr.submit(sealed.serialized);
      codes.push((await refusalOf(sealed.payload.id)).code as string);
    }
    const delivered = await expectNotDelivered('DK', ids);
    reportFault({
      fault: 'clock skew beyond the window',
      tries: cases.length,
      refused: codes.filter((code, index) => code === cases[index].code).length,
      lost: 0,
      duplicated: delivered,
    });
    expect(codes).toEqual(cases.map((attack) => attack.code));
    expect(delivered).toBe(0);
  });

  it('refuses a recipient the content is not encrypted for, and kinds the rules reserve to others', async () => {
    const notForDk = await mr.seal({ to: ['DK', 'FR'], decoyFor: ['DK'] });
    await mr.submit(notForDk.serialized);
    const dk = await waitFor(
      async () =>
        (await mr.trail(notForDk.payload.id)).find((entry) => entry.type === 'recipient-refused' && entry.to === 'DK'),
      { what: 'DK refused alone' },
    );
    const notice = await mr.seal({ to: ['DK'], kind: 'notice', meta: { noticeType: 'red' } });
    await mr.submit(notice.serialized);
    const noticeVerdict = await refusalOf(notice.payload.id);
    const alert = await mr.seal({ to: ['DK'], kind: 'operation-alert', meta: { operationId: `op-${randomUUID()}` } });
    await mr.submit(alert.serialized);
    const alertVerdict = await refusalOf(alert.payload.id);
    const delivered = await expectNotDelivered('DK', [notForDk.payload.id, notice.payload.id, alert.payload.id]);
    reportFault({
      fault: 'wrong recipient / rule bypass',
      tries: 3,
      refused: [dk, noticeVerdict, alertVerdict].filter(Boolean).length,
      lost: 0,
      duplicated: delivered,
    });
    expect(dk.code).toBe('not-encrypted-for-recipient');
    expect(noticeVerdict).toMatchObject({ code: 'policy-denied', rule: expect.any(String) });
    expect(alertVerdict).toMatchObject({ code: 'policy-denied' });
    expect(delivered).toBe(0);
    // FR, for whom the content was sealed, still gets it.
    await waitFor(async () => (await inboxIds('FR')).includes(notForDk.payload.id), { what: 'FR receives its copy' });
  });

  it('refuses a revoked bureau at once, with the reason', async () => {
    const rv = await RogueBureau.posingWith(network, 'RV');
    try {
      const response = await fetch(`${network.registry.url}/api/admin/bureaus/RV/revoke`, {
        method: 'POST',
        headers: { authorization: `Bearer ${network.adminToken}` },
      });
      expect(response.status).toBeLessThan(300);
      const verdicts: string[] = [];
      const ids: string[] = [];
      // The gateway hears of the revocation within seconds: until then an envelope may still pass.
      await waitFor(
        async () => {
          const sealed = await rv.seal({ to: ['DK'] });
          ids.push(sealed.payload.id);
          await rv.submit(sealed.serialized);
          const verdict = await refusalOf(sealed.payload.id).catch(() => undefined);
          if (verdict?.type === 'submission-refused') verdicts.push(verdict.code as string);
          return verdict?.code === 'certificate-revoked';
        },
        { what: 'the revoked certificate refused', timeoutMs: 30_000, intervalMs: 500 },
      );
      reportFault({ fault: 'revoked certificate', tries: 1, refused: 1, lost: 0, duplicated: 0 });
      expect(verdicts.at(-1)).toBe('certificate-revoked');
    } finally {
      await rv.close();
    }
  });
});

function wrap(sealed: { payload: { id: string }; serialized: string }): { id: string; raw: string } {
  return { id: sealed.payload.id, raw: sealed.serialized };
}

import { createHash } from 'node:crypto';
import { HUB_CODE } from '@bureaunet/contracts';
import { SentMessageView, TestNetwork, waitFor } from '@bureaunet/testing';

/**
 * Run by the data-owners spec on its network (hub, DK, MR, FR), last: FR is suspended and reinstated,
 * then its certificate revoked for good. Messages are found by the ids sent here.
 */
export function describeExchange(networkOf: () => TestNetwork): void {
  describe('signed, end-to-end encrypted exchange between bureaus', () => {
    let network: TestNetwork;

    beforeAll(() => {
      network = networkOf();
    });

    it('delivers a message from one bureau to two others, decrypted and verified, and brings their receipts back', async () => {
      const body = { subject: 'stolen passport', documentNumber: 'X1234567', note: 'Ünïcode survives' };
      const { id } = await network
        .api('DK')
        .send({ kind: 'message', to: ['MR', 'FR'], meta: { priority: 'urgent' }, body });

      for (const code of ['MR', 'FR']) {
        const received = await waitFor(
          async () => (await network.api(code).inbox()).items.find((item) => item.id === id),
          { what: `${code} inbox` },
        );
        expect(received).toMatchObject({ id, from: 'DK', kind: 'message', body });
      }
      const sent = await waitFor(
        async () => {
          const view = await network.api('DK').message<SentMessageView>(id);
          return view.recipients.length === 2 && view.recipients.every((recipient) => recipient.state === 'receipted')
            ? view
            : undefined;
        },
        { what: 'both receipts at DK' },
      );
      expect(sent.status).toBe('accepted');
      expect(sent.recipients.map((recipient) => recipient.code).sort()).toEqual(['FR', 'MR']);
    });

    it('keeps the exact signed envelope as evidence on both sides', async () => {
      const { id } = await network.api('DK').send({ kind: 'message', to: ['MR'], body: { text: 'evidence' } });
      await waitFor(async () => (await network.api('MR').inbox()).items.some((item) => item.id === id), {
        what: 'delivery to MR',
      });
      const sentEnvelope = await network.api('DK').envelope(id);
      const receivedEnvelope = await network.api('MR').envelope(id);
      expect(receivedEnvelope).toBe(sentEnvelope);
      const jws = JSON.parse(sentEnvelope) as { protected: string; payload: string };
      const payload = JSON.parse(Buffer.from(jws.payload, 'base64url').toString()) as {
        id: string;
        from: string;
        content: { recipients: unknown[] };
      };
      expect(payload).toMatchObject({ id, from: 'DK' });
      expect(payload.content.recipients).toHaveLength(1);
      expect(JSON.stringify(payload)).not.toContain('evidence'); // the body travels only encrypted
      // MR's signed receipt names this envelope by the digest of its JWS signing input.
      const digest = createHash('sha256').update(`${jws.protected}.${jws.payload}`).digest('base64url');
      const receiptId = await waitFor(
        async () =>
          (await network.api('DK').message<SentMessageView & { recipients: Array<{ receiptId?: string }> }>(id))
            .recipients[0]?.receiptId,
        { what: 'receipt at DK' },
      );
      const receipt = JSON.parse(await network.api('DK').envelope(receiptId)) as { payload: string };
      const receiptPayload = JSON.parse(Buffer.from(receipt.payload, 'base64url').toString()) as {
        from: string;
        meta: { receiptFor: { id: string; digest: string } };
      };
      expect(receiptPayload).toMatchObject({ from: 'MR', meta: { receiptFor: { id, digest } } });
    });

    it('refuses a suspended recipient individually, delivers to the others, and says why in the report', async () => {
      await admin(network, 'POST', '/api/admin/bureaus/FR/suspend');
      try {
        const { id } = await waitFor(
          // The gateway hears of the suspension through the registry's change event; retry until it has.
          async () => {
            const sent = await network.api('DK').send({ kind: 'message', to: ['MR', 'FR'], body: { text: 'partial' } });
            const view = await waitFor(
              async () => {
                const current = await network.api('DK').message<SentMessageView>(sent.id);
                return current.status !== 'pending' &&
                  current.recipients.every((recipient) => recipient.state !== 'pending')
                  ? current
                  : undefined;
              },
              { what: 'delivery report' },
            );
            return view.recipients.some((recipient) => recipient.state === 'refused') ? view : undefined;
          },
          { what: 'a report refusing FR' },
        );
        const view = await network.api('DK').message<SentMessageView>(id);
        expect(view.recipients.find((recipient) => recipient.code === 'FR')).toMatchObject({
          state: 'refused',
          refusal: { code: 'recipient-suspended' },
        });
        await waitFor(async () => (await network.api('MR').inbox()).items.some((item) => item.id === id), {
          what: 'delivery to MR',
        });
        expect((await network.api('FR').inbox()).items.some((item) => item.id === id)).toBe(false);
      } finally {
        await admin(network, 'POST', '/api/admin/bureaus/FR/reinstate');
      }
    });

    it('answers bad input with 400 naming the field, and stores nothing', async () => {
      const error = await network
        .api('DK')
        .send({ kind: 'gossip', to: ['MR'], body: {} })
        .catch((caught: { status: number; body: { reason: string } }) => caught);
      expect(error).toMatchObject({ status: 400 });
      expect((error as { body: { reason: string } }).body.reason).toMatch(/kind/);
    });

    it('lets the hub receive from every bureau', async () => {
      const { id } = await network
        .api('MR')
        .send({ kind: 'notice-request', to: [HUB_CODE], meta: { noticeType: 'red' }, body: { name: 'Doe' } });
      const received = await waitFor(
        async () => (await network.api(HUB_CODE).inbox()).items.find((item) => item.id === id),
        { what: 'hub inbox' },
      );
      expect(received.from).toBe('MR');
    });
    it('stops accepting a revoked certificate within seconds, with the reason in the report', async () => {
      await admin(network, 'POST', '/api/admin/bureaus/FR/revoke');
      const view = await waitFor(
        async () => {
          const { id } = await network
            .api('FR')
            .send({ kind: 'message', to: ['MR'], body: { text: 'after revocation' } });
          const sent = await waitFor(
            async () => {
              const current = await network.api('FR').message<SentMessageView>(id);
              return current.status !== 'pending' ? current : undefined;
            },
            { what: 'report for FR' },
          );
          return sent.status === 'refused' ? sent : undefined;
        },
        { what: 'refusal of the revoked sender', timeoutMs: 10_000 },
      );
      expect(view.refusal?.code).toBe('certificate-revoked');
    });
  });
}

async function admin(network: TestNetwork, method: string, path: string): Promise<void> {
  const response = await fetch(`${network.registry.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${network.adminToken}` },
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
}

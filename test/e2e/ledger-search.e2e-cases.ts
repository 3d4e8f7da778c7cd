import { createPublicKey } from 'node:crypto';
import {
  hashLeaf,
  parseSignedTreeHeadJson,
  verifyConsistency,
  verifyInclusion,
  verifyTreeHeadSignature,
  type SignedTreeHeadJson,
} from '@bureaunet/ledger';
import { SentMessageView, TestNetwork, waitFor } from '@bureaunet/testing';

interface SearchPage {
  entries: Array<{
    leaf_index: number;
    type: string;
    status: string;
    kind: string | null;
    envelope_id: string | null;
    sender: string | null;
    recipient: string | null;
  }>;
  next_cursor?: number;
  indexed_size: number;
  signed_size: number;
}

interface Bundle {
  format: string;
  message_id: string;
  gateway_key: { public_key: string };
  sth: SignedTreeHeadJson;
  entries: Array<{ leaf_index: number; leaf_input: string; audit_path: string[] }>;
  latest_sth: SignedTreeHeadJson;
  consistency: string[];
}

// In a real audit the key is pinned from the registry's directory (ledger.e2e-spec does); here the bundle's own.
const key = (bundle: Bundle) => createPublicKey(bundle.gateway_key.public_key);

/**
 * Run by the data-owners spec on its network (hub, DK, MR, FR): what it looks at is found by the
 * message it sends first, the newest in the log when the search starts.
 */
export function describeLedgerSearch(networkOf: () => TestNetwork): void {
  describe('the auditor’s ledger search, tree-head history and evidence bundle (gateway)', () => {
    let network: TestNetwork;
    let diffusion: string;

    async function get<T>(path: string, token = network.gatewayTokens.auditor): Promise<{ status: number; body: T }> {
      const response = await fetch(`${network.gateway.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: response.status, body: (await response.json()) as T };
    }

    beforeAll(async () => {
      network = networkOf();
      const { id } = await network.api('DK').send({ kind: 'message', to: ['MR'], body: { text: 'for the search' } });
      diffusion = id;
      await waitFor(
        async () =>
          (await network.api('DK').message<SentMessageView>(id)).recipients.every((r) => r.state === 'receipted'),
        { what: `the receipt for ${id}` },
      );
      await network.api('MR').send({ kind: 'message', to: ['FR'], body: { text: 'another party' } });
    });

    it('finds entries by party, kind and status, newest first, in bounded pages', async () => {
      await get(`/api/trail/${diffusion}`); // signs a head covering the message
      const mine = await waitFor(
        async () => {
          const { body } = await get<SearchPage>('/api/ledger/search?party=DK&kind=message&limit=500');
          return body.entries.some((entry) => entry.type === 'receipt' && entry.envelope_id === diffusion)
            ? body
            : undefined;
        },
        { what: 'the receipt in the search' },
      );
      const about = mine.entries.filter((entry) => entry.envelope_id === diffusion);
      expect(about.map((entry) => [entry.status, entry.sender, entry.recipient])).toEqual([
        ['receipted', 'DK', 'MR'],
        ['delivered', 'DK', 'MR'],
        ['accepted', 'DK', null],
      ]);
      expect(mine.entries.every((entry) => entry.sender === 'DK' || entry.recipient === 'DK')).toBe(true);
      const delivered = await get<SearchPage>('/api/ledger/search?status=delivered&party=MR&limit=1');
      expect(delivered.body.entries).toHaveLength(1);
      expect(delivered.body.next_cursor).toBe(delivered.body.entries[0].leaf_index);
      const older = await get<SearchPage>(
        `/api/ledger/search?status=delivered&party=MR&cursor=${delivered.body.next_cursor}`,
      );
      expect(older.body.entries.every((entry) => entry.leaf_index < delivered.body.next_cursor!)).toBe(true);
      const future = await get<SearchPage>('/api/ledger/search?from=2099-01-01T00:00:00Z');
      expect(future.body.entries).toEqual([]);
    });

    it('names a bad parameter and refuses more than 500 results or an unknown token', async () => {
      const tooMany = await get<{ code: string; reason: string }>('/api/ledger/search?limit=501');
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.reason).toContain('limit');
      const badParty = await get<{ code: string; reason: string }>('/api/ledger/search?party=dk');
      expect(badParty.status).toBe(400);
      expect(badParty.body.reason).toContain('party');
      const nodeToken = await get('/api/ledger/search', 'not-a-token');
      expect(nodeToken.status).toBe(401);
    });

    it('lists the signed heads newest first, each verifiable, and pages them', async () => {
      const { body } = await get<{ heads: Array<SignedTreeHeadJson & { key_id: string }>; next_before?: number }>(
        '/api/ledger/tree-heads?limit=2',
      );
      expect(body.heads.length).toBeGreaterThan(0);
      const sizes = body.heads.map((head) => head.tree_size);
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
      const bundle = (await get<Bundle>(`/api/trail/${diffusion}/evidence`)).body;
      for (const head of body.heads) {
        const { key_id: _kid, ...json } = head;
        const { head: parsed, signature } = parseSignedTreeHeadJson(json);
        expect(() => verifyTreeHeadSignature(parsed, signature, key(bundle))).not.toThrow();
      }
      if (body.next_before !== undefined) {
        const next = await get<{ heads: SignedTreeHeadJson[] }>(`/api/ledger/tree-heads?before=${body.next_before}`);
        expect(next.body.heads.every((head) => head.tree_size < body.next_before!)).toBe(true);
      }
    });

    it('exports an evidence bundle that verifies offline: signatures, inclusion and consistency', async () => {
      await network.api('DK').send({ kind: 'message', to: ['FR'], body: { text: 'grows the log' } });
      const { status, body } = await get<Bundle>(`/api/trail/${diffusion}/evidence`);
      expect(status).toBe(200);
      expect(body.format).toBe('bureaunet-evidence-bundle/1');
      const { head } = parseSignedTreeHeadJson(body.sth);
      const { head: latest } = parseSignedTreeHeadJson(body.latest_sth);
      expect(latest.treeSize).toBeGreaterThanOrEqual(head.treeSize);
      verifyTreeHeadSignature(head, body.sth.tree_head_signature, key(body));
      verifyTreeHeadSignature(latest, body.latest_sth.tree_head_signature, key(body));
      for (const entry of body.entries)
        verifyInclusion({
          leafHash: hashLeaf(Buffer.from(entry.leaf_input, 'base64')),
          leafIndex: entry.leaf_index,
          treeSize: head.treeSize,
          proof: entry.audit_path.map((hash) => Buffer.from(hash, 'base64')),
          root: head.rootHash,
        });
      verifyConsistency({
        first: head.treeSize,
        second: latest.treeSize,
        firstRoot: head.rootHash,
        secondRoot: latest.rootHash,
        proof: body.consistency.map((hash) => Buffer.from(hash, 'base64')),
      });
    });
  });
}

import { generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { InMemoryLedgerClient, entry } from '../testing/in-memory-ledger.client';
import { verifyTrailBundle } from './trail.verifier';

describe('audit trail', () => {
  let keys: { privateKey: KeyObject; publicKey: KeyObject };
  let gateway: InMemoryLedgerClient;
  type Bundle = { entries: Array<{ leaf_input: string; leaf_hash: string; audit_path: string[] }> };

  beforeAll(async () => {
    keys = await promisify(generateKeyPair)('ed25519');
  });

  beforeEach(() => {
    gateway = new InMemoryLedgerClient(
      [
        entry('bureau-enrolled', null, { code: 'DK' }),
        entry('submission-accepted', 'm-1', { from: 'DK', to: ['MR'] }),
        entry('delivery', 'm-1', { to: 'MR' }),
        entry('submission-accepted', 'other', { from: 'FR' }),
        entry('submission-accepted', 'r-1', { from: 'MR', kind: 'receipt' }),
        entry('receipt', 'm-1', { receiptId: 'r-1', from: 'MR' }),
        entry('delivery', 'r-1', { to: 'DK' }),
      ],
      keys.privateKey,
    );
  });

  it('verifies every inclusion proof and the tree head of an honest bundle', async () => {
    const trail = verifyTrailBundle(await gateway.trailOf('m-1', [1, 2, 4, 5, 6]), keys.publicKey, 'm-1');
    expect(trail.entries.map(({ leafIndex, entry: item }) => [leafIndex, item.type])).toEqual([
      [1, 'submission-accepted'],
      [2, 'delivery'],
      [4, 'submission-accepted'],
      [5, 'receipt'],
      [6, 'delivery'],
    ]);
    expect(trail.head.treeSize).toBe(7);
  });

  it('fails on an altered entry, an altered proof, another key, an unrelated entry or another message', async () => {
    const altered = (await gateway.trailOf('m-1', [1, 2])) as Bundle;
    altered.entries[1].leaf_input = entry('delivery', 'm-1', { to: 'FR' }).toString('base64');
    expect(() => verifyTrailBundle(altered, keys.publicKey)).toThrow(
      /leaf_hash is not SHA-256\(0x00 \|\| leaf_input\)/,
    );
    delete (altered.entries[1] as { leaf_hash?: string }).leaf_hash;
    expect(() => verifyTrailBundle(altered, keys.publicKey)).toThrow(
      /^entry at leaf 2 \(delivery\) is not proven in the signed tree of size 7: inclusion-mismatch/,
    );

    const badProof = (await gateway.trailOf('m-1', [1])) as Bundle;
    badProof.entries[0].audit_path.pop();
    expect(() => verifyTrailBundle(badProof, keys.publicKey)).toThrow(/bad-proof-length/);

    const other = await promisify(generateKeyPair)('ed25519');
    expect(() => verifyTrailBundle(undefined, keys.publicKey)).toThrow(/no message_id/);
    const honest = await gateway.trailOf('m-1', [1]);
    expect(() => verifyTrailBundle(honest, other.publicKey)).toThrow(/tree head signature check failed/);
    const unrelated = await gateway.trailOf('m-1', [1, 3]);
    expect(() => verifyTrailBundle(unrelated, keys.publicKey)).toThrow(
      'entry at leaf 3 (submission-accepted) is about other, neither message m-1 nor one of its receipts',
    );
    expect(() => verifyTrailBundle(honest, keys.publicKey, 'm-2')).toThrow('the bundle is about message m-1, not m-2');
  });
});

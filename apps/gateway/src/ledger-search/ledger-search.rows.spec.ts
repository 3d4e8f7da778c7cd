import { encodeLedgerEntry } from '@bureaunet/ledger';
import { envelopesNeeded, searchRowsOf, type LeafToIndex } from './ledger-search.rows';

const at = new Date('2026-12-01T10:00:00.000Z');
let index = 0;
function leaf(type: string, envelopeId: string | null, data: Record<string, unknown>): LeafToIndex {
  return {
    leafIndex: index++,
    leafInput: encodeLedgerEntry({ type, at, envelopeId, data }).toString('utf8'),
    type,
    envelopeId,
    at: at.toISOString(),
  };
}

describe('ledger search rows', () => {
  beforeEach(() => {
    index = 0;
  });

  it('gives a delivery, a refusal and a receipt the sender and kind of their message', () => {
    const leaves = [
      leaf('submission-accepted', 'm1', { from: 'DK', kind: 'diffusion', to: ['MR', 'FR'], digest: 'd' }),
      leaf('delivery', 'm1', { to: 'MR', policyVersion: 1 }),
      leaf('recipient-refused', 'm1', { to: 'FR', code: 'policy-denied', reason: 'no' }),
      leaf('receipt', 'm1', { receiptId: 'r1', from: 'MR', digest: 'd' }),
    ];
    expect(envelopesNeeded(leaves)).toEqual([]);
    expect(
      searchRowsOf(leaves, new Map()).map(({ status, kind, sender, recipient }) => [status, kind, sender, recipient]),
    ).toEqual([
      ['accepted', 'diffusion', 'DK', null],
      ['delivered', 'diffusion', 'DK', 'MR'],
      ['refused', 'diffusion', 'DK', 'FR'],
      ['receipted', 'diffusion', 'DK', 'MR'],
    ]);
  });

  it('takes what an earlier run indexed for a message accepted before it', () => {
    const leaves = [leaf('receipt', 'm0', { receiptId: 'r0', from: 'MR', digest: 'd' })];
    expect(envelopesNeeded(leaves)).toEqual(['m0']);
    const [row] = searchRowsOf(leaves, new Map([['m0', { sender: 'DK', kind: 'message' }]]));
    expect(row).toMatchObject({ status: 'receipted', sender: 'DK', kind: 'message', recipient: 'MR' });
  });

  it('files a refused submission under its sender and a registry change under its bureau and type', () => {
    const rows = searchRowsOf(
      [
        leaf('submission-refused', 'm2', { from: 'DK', code: 'stale', reason: 'old' }),
        leaf('bureau-suspended', null, { code: 'FR', registryEventId: 'e', occurredAt: at.toISOString() }),
      ],
      new Map(),
    );
    expect(rows.map(({ status, kind, sender }) => [status, kind, sender])).toEqual([
      ['refused', null, 'DK'],
      ['registry', 'bureau-suspended', 'FR'],
    ]);
  });

  it('indexes a leaf whose bytes are not a canonical entry by type and time only, and goes on', () => {
    const broken = { ...leaf('delivery', 'm3', { to: 'MR' }), leafInput: '{"tampered": true' };
    const [row] = searchRowsOf([broken], new Map());
    expect(row).toMatchObject({ status: 'delivered', envelopeId: 'm3', sender: null, recipient: null });
  });
});

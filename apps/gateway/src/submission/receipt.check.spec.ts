import { checkReceipt, type ReceiptableEnvelope } from './receipt.check';

const ORIGINAL = '0192b3c4-0000-7000-8000-000000000001';
const RECEIPT = '0192b3c4-0000-7000-8000-000000000002';
const DIGEST = 'a'.repeat(43);
const named: ReceiptableEnvelope = { sender: 'DK', digest: DIGEST, deliveredTo: ['MR', 'FR'] };
const receipt = (overrides: { from?: string; to?: string[] | 'all'; digest?: string; id?: string } = {}) => ({
  id: overrides.id ?? RECEIPT,
  from: overrides.from ?? 'MR',
  to: overrides.to ?? ['DK'],
  meta: { receiptFor: { id: ORIGINAL, digest: overrides.digest ?? DIGEST } },
});

describe('checkReceipt', () => {
  it('accepts the first receipt of a recipient, addressed to the sender', () => {
    expect(checkReceipt(receipt(), named, undefined)).toEqual({ status: 'valid' });
  });

  it('treats the same receipt again (same id) as valid, for the replay path to answer', () => {
    expect(checkReceipt(receipt(), named, RECEIPT)).toEqual({ status: 'valid' });
  });

  it('makes a second receipt of the same recipient for the same envelope a duplicate', () => {
    expect(checkReceipt(receipt({ id: '0192b3c4-0000-7000-8000-000000000003' }), named, RECEIPT)).toMatchObject({
      status: 'duplicate',
      refusal: { code: 'duplicate-receipt' },
    });
  });

  it('refuses a receipt for an envelope the gateway never accepted, or under another digest', () => {
    expect(checkReceipt(receipt(), undefined, undefined)).toMatchObject({
      status: 'refused',
      refusal: { code: 'receipt-unknown-envelope' },
    });
    expect(checkReceipt(receipt({ digest: 'b'.repeat(43) }), named, undefined)).toMatchObject({
      status: 'refused',
      refusal: { code: 'receipt-unknown-envelope', message: expect.stringContaining('digest') },
    });
  });

  it('refuses a receipt from a bureau the envelope was not delivered to', () => {
    expect(checkReceipt(receipt({ from: 'IT' }), named, undefined)).toMatchObject({
      status: 'refused',
      refusal: { code: 'receipt-not-recipient', message: expect.stringContaining('IT') },
    });
  });

  it('refuses a receipt addressed to anyone but the original sender (the hub included)', () => {
    for (const to of [['XH'], ['DK', 'XH'], 'all' as const]) {
      expect(checkReceipt(receipt({ to }), named, undefined)).toMatchObject({
        status: 'refused',
        refusal: { code: 'receipt-misaddressed' },
      });
    }
  });
});

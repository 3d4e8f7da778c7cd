import { applyRecipientEvent, PENDING, type RecipientEvent, type RecipientStatus } from './recipient-state';

const refusal = {
  code: 'policy-denied' as const,
  message: 'FR does not accept diffusions from MR',
  rule: 'bilateral-fr-mr',
};
const delivered: RecipientEvent = { type: 'delivered' };
const refused: RecipientEvent = { type: 'refused', refusal };
const receipted: RecipientEvent = {
  type: 'receipted',
  at: '2026-11-25T10:00:00.000Z',
  receiptId: '019abc00-0000-7000-8000-000000000001',
};

const run = (...events: RecipientEvent[]): RecipientStatus => events.reduce(applyRecipientEvent, PENDING);

describe('applyRecipientEvent', () => {
  it('moves pending to delivered, then to receipted', () => {
    expect(run(delivered).state).toBe('delivered');
    expect(run(delivered, receipted)).toEqual({
      state: 'receipted',
      refusal: null,
      receiptedAt: receipted.at,
      receiptId: receipted.receiptId,
    });
  });

  it('records the refusal with its rule', () => {
    expect(run(refused)).toEqual({ state: 'refused', refusal, receiptedAt: null, receiptId: null });
  });

  it('never moves a receipted state back, whatever report arrives late', () => {
    expect(run(receipted, delivered).state).toBe('receipted');
    expect(run(receipted, refused).state).toBe('receipted');
  });

  it('keeps the first receipt when a second one arrives', () => {
    const second: RecipientEvent = {
      type: 'receipted',
      at: '2026-11-26T00:00:00.000Z',
      receiptId: '019abc00-0000-7000-8000-000000000002',
    };
    expect(run(receipted, second).receiptId).toBe(receipted.receiptId);
  });

  it('keeps the gateway verdict it recorded first', () => {
    expect(run(delivered, refused).state).toBe('delivered');
    expect(run(refused, delivered).state).toBe('refused');
  });

  it('is idempotent for a duplicate report', () => {
    expect(run(delivered, delivered)).toEqual(run(delivered));
    expect(run(refused, refused)).toEqual(run(refused));
  });

  it('lets a signed receipt outrank a refusal', () => {
    expect(run(refused, receipted).state).toBe('receipted');
  });

  it('marks pending or delivered overdue, never a refusal or a receipt, and lets a late receipt in', () => {
    const overdue: RecipientEvent = { type: 'overdue' };
    expect(run(overdue).state).toBe('overdue');
    expect(run(delivered, overdue).state).toBe('overdue');
    expect(run(refused, overdue)).toEqual(run(refused));
    expect(run(receipted, overdue).state).toBe('receipted');
    expect(run(delivered, overdue, delivered).state).toBe('overdue');
    expect(run(delivered, overdue, receipted)).toEqual(run(receipted));
  });

  it('records a signed rejection with its refusal, after delivery', () => {
    const rejection = { code: 'expired' as const, message: 'envelope expired at 2026-10-27T10:00:00.000Z' };
    const rejected: RecipientEvent = {
      type: 'rejected',
      at: '2026-11-25T10:00:01.000Z',
      receiptId: '019abc00-0000-7000-8000-000000000003',
      refusal: rejection,
    };
    expect(run(delivered, rejected)).toEqual({
      state: 'rejected',
      refusal: rejection,
      receiptedAt: rejected.at,
      receiptId: rejected.receiptId,
    });
    expect(run(refused, rejected).state).toBe('rejected');
  });

  it('keeps the first signed answer of a recipient: a receipt or a rejection, never both', () => {
    const rejected: RecipientEvent = {
      type: 'rejected',
      at: '2026-11-25T10:00:01.000Z',
      receiptId: '019abc00-0000-7000-8000-000000000003',
      refusal: { code: 'too-deep', message: 'too deep' },
    };
    expect(run(receipted, rejected).state).toBe('receipted');
    expect(run(rejected, receipted).state).toBe('rejected');
    expect(run(rejected, delivered).state).toBe('rejected');
  });
});

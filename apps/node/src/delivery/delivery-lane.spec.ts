import { DELIVERY_REPORT_TYP, ENVELOPE_TYP } from '@bureaunet/contracts';
import { deliveryLane } from './delivery-lane';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jws = (header: unknown, payload: unknown = {}) =>
  Buffer.from(JSON.stringify({ protected: b64(header), payload: b64(payload), signature: 'AA' }));

describe('deliveryLane', () => {
  it('sends a report to the outbox and a receipt to the inbox, neither waiting its turn', () => {
    expect(deliveryLane(jws({ alg: 'EdDSA', typ: DELIVERY_REPORT_TYP }), 1000)).toBe('report');
    expect(deliveryLane(jws({ alg: 'EdDSA', typ: ENVELOPE_TYP }, { kind: 'receipt' }), 1000)).toBe('receipt');
  });

  it('keeps every other envelope in order', () => {
    for (const kind of ['message', 'notice', 'notice-cancel', 'diffusion', undefined])
      expect(deliveryLane(jws({ alg: 'EdDSA', typ: ENVELOPE_TYP }, { kind }), 1000)).toBe('in-order');
    // A receipt kind under another typ is no receipt.
    expect(deliveryLane(jws({ alg: 'EdDSA', typ: 'JWT' }, { kind: 'receipt' }), 1000)).toBe('in-order');
  });

  it('keeps anything unreadable in order, for the inbox to refuse', () => {
    expect(deliveryLane(Buffer.from('not json'), 1000)).toBe('in-order');
    expect(deliveryLane(Buffer.from('{"protected":42}'), 1000)).toBe('in-order');
    expect(deliveryLane(Buffer.from(JSON.stringify({ protected: 'bm90IGpzb24' })), 1000)).toBe('in-order');
    expect(deliveryLane(jws({ alg: 'EdDSA' }), 1000)).toBe('in-order');
    expect(deliveryLane(Buffer.from('null'), 1000)).toBe('in-order');
    expect(
      deliveryLane(Buffer.from(JSON.stringify({ protected: b64({ typ: ENVELOPE_TYP }), payload: '!!' })), 1000),
    ).toBe('in-order');
  });

  it('does not parse past the size limit', () => {
    expect(deliveryLane(jws({ typ: DELIVERY_REPORT_TYP }), 10)).toBe('in-order');
  });
});

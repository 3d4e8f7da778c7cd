import { DELIVERY_REPORT_TYP, ENVELOPE_TYP } from '@bureaunet/contracts';
import { deliveryTyp } from './delivery-typ';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jws = (header: unknown) =>
  Buffer.from(JSON.stringify({ protected: b64(header), payload: b64({}), signature: 'AA' }));

describe('deliveryTyp', () => {
  it('reads the protected typ of an envelope and of a report', () => {
    expect(deliveryTyp(jws({ alg: 'EdDSA', typ: ENVELOPE_TYP }), 1000)).toBe(ENVELOPE_TYP);
    expect(deliveryTyp(jws({ alg: 'EdDSA', typ: DELIVERY_REPORT_TYP }), 1000)).toBe(DELIVERY_REPORT_TYP);
  });

  it('gives up quietly on anything unreadable', () => {
    expect(deliveryTyp(Buffer.from('not json'), 1000)).toBeUndefined();
    expect(deliveryTyp(Buffer.from('{"protected":42}'), 1000)).toBeUndefined();
    expect(deliveryTyp(Buffer.from(JSON.stringify({ protected: 'bm90IGpzb24' })), 1000)).toBeUndefined();
    expect(deliveryTyp(jws({ alg: 'EdDSA' }), 1000)).toBeUndefined();
    expect(deliveryTyp(Buffer.from('null'), 1000)).toBeUndefined();
  });

  it('does not parse past the size limit', () => {
    expect(deliveryTyp(jws({ typ: ENVELOPE_TYP }), 10)).toBeUndefined();
  });
});

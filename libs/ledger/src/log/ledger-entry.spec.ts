import { decodeLedgerEntry, encodeLedgerEntry, ledgerEntryObject } from './ledger-entry';
import { LedgerLogError } from './ledger-log.errors';

const at = new Date('2026-11-25T10:00:00.000Z');

describe('ledger entries: canonical JSON of {type, at, envelopeId?, ...data}', () => {
  it('encodes the exact canonical bytes: sorted keys, no whitespace, undefined members left out', () => {
    const bytes = encodeLedgerEntry({
      type: 'submission-refused',
      at,
      envelopeId: 'e-1',
      data: { from: 'DK', digest: undefined, code: 'replay', meta: { b: 1, a: [1, undefined] } },
    });
    expect(bytes.toString('utf8')).toBe(
      '{"at":"2026-11-25T10:00:00.000Z","code":"replay","envelopeId":"e-1","from":"DK","meta":{"a":[1,null],"b":1},"type":"submission-refused"}',
    );
  });

  it("drops undefined wherever it sits (first, last, nested) and leaves the caller's data as it was", () => {
    const data = { a: undefined, b: [undefined, { c: undefined, d: 2 }], e: { f: [1, 2] }, g: undefined };
    const bytes = encodeLedgerEntry({ type: 'delivery', at, data });
    expect(bytes.toString('utf8')).toBe(
      '{"at":"2026-11-25T10:00:00.000Z","b":[null,{"d":2}],"e":{"f":[1,2]},"type":"delivery"}',
    );
    expect(data).toEqual({ a: undefined, b: [undefined, { c: undefined, d: 2 }], e: { f: [1, 2] }, g: undefined });
  });

  it('drops symbol-keyed members as JSON does, and still refuses arrays with holes', () => {
    const data = { to: 'MR', [Symbol('hidden')]: 1 };
    expect(encodeLedgerEntry({ type: 'delivery', at, data }).toString('utf8')).toBe(
      '{"at":"2026-11-25T10:00:00.000Z","to":"MR","type":"delivery"}',
    );
    expect(() => encodeLedgerEntry({ type: 'delivery', at, data: { to: [1, , 3] } })).toThrow(
      /arrays must not have holes/,
    );
  });

  it('leaves envelopeId out when there is none', () => {
    expect(ledgerEntryObject({ type: 'bureau-suspended', at, envelopeId: null, data: { code: 'FR' } })).toEqual({
      type: 'bureau-suspended',
      at: at.toISOString(),
      code: 'FR',
    });
  });

  it('refuses data that would overwrite type, at or envelopeId, and bad type names', () => {
    expect(() => encodeLedgerEntry({ type: 'delivery', at, data: { type: 'forged' } })).toThrow(
      /must not set type \(reserved\)/,
    );
    expect(() => encodeLedgerEntry({ type: 'Delivery!', at, data: {} })).toThrow(LedgerLogError);
    expect(() => encodeLedgerEntry({ type: 'delivery', at: new Date(Number.NaN), data: {} })).toThrow(/invalid date/);
  });

  it('decodes what it encodes, and refuses bytes that are not the canonical form of their JSON', () => {
    const bytes = encodeLedgerEntry({ type: 'delivery', at, envelopeId: 'e-1', data: { to: 'MR' } });
    expect(decodeLedgerEntry(bytes)).toEqual({ type: 'delivery', at: at.toISOString(), envelopeId: 'e-1', to: 'MR' });
    const notCanonical = ['{"type":"delivery","at":"x"}', '{"at":"x", "type":"delivery"}', '[1]', '{"at":"x"}', 'nope'];
    for (const text of notCanonical)
      expect(() => decodeLedgerEntry(Buffer.from(text))).toThrow(expect.objectContaining({ code: 'not-canonical' }));
  });
});

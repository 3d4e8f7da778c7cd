import { createCipheriv } from 'node:crypto';
import {
  TRAVEL_DOCUMENT_STATUSES,
  TRAVEL_DOCUMENT_TYPES,
  travelDocumentRecordSchema,
  type TravelDocumentRecord,
} from '@bureaunet/contracts';
import { createSodiumPoprf, type Poprf } from '@bureaunet/oprf';
import fc from 'fast-check';
import { deriveRecordKeys, recordPoprfInput, type RecordKeys } from './record-index';
import { openRecord, sealRecord, type SealedRecord, type SealedRecordBinding } from './sealed-record';
import { TravelDocumentError, type TravelDocumentErrorCode } from './travel-document.errors';

function refusal(run: () => unknown): TravelDocumentError {
  try {
    run();
  } catch (error) {
    if (error instanceof TravelDocumentError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
const codeOf = (run: () => unknown): TravelDocumentErrorCode => refusal(run).code;

/**
 * The blob written out from the layout in docs/checks.md, independently of sealed-record.ts:
 * 0x01 · nonce · u16 length · AES-256-GCM(plaintext) · tag, with the associated data spelled out.
 */
function referenceSeal(key: Uint8Array, binding: SealedRecordBinding, plaintext: Buffer, nonce: Buffer): Buffer {
  const version = Buffer.alloc(8);
  version.writeBigUInt64BE(BigInt(binding.version));
  const ad = Buffer.concat([
    Buffer.from('bureaunet/sltd/v1/record'),
    Buffer.of(0x01),
    binding.index,
    Buffer.from(binding.issuingCountry),
    version,
    Buffer.of(binding.status.length),
    Buffer.from(binding.status),
  ]);
  const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(ad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const length = Buffer.of(ciphertext.length >> 8, ciphertext.length & 0xff);
  return Buffer.concat([Buffer.of(0x01), nonce, length, ciphertext, cipher.getAuthTag()]);
}
const padded = (json: string, size = 64): Buffer => Buffer.from(json.padEnd(size, ' '));

const NONCE = Buffer.from('000102030405060708090a0b', 'hex');
const fixedNonce = (): Uint8Array => NONCE;
const keysOf = (fill: number): RecordKeys => deriveRecordKeys(Buffer.alloc(64, fill));

const RECORD: TravelDocumentRecord = {
  documentNumber: 'L898902C3',
  issuingCountry: 'DK',
  documentType: 'passport',
  status: 'stolen',
  reportedAt: '2026-11-30T09:15:00Z',
  details: {
    familyName: 'Eriksson',
    givenNames: 'Anna Maria',
    dateOfBirth: '1974-08-12',
    nationality: 'DK',
    incidentPlace: 'Aarhus',
    incidentDate: '2026-11-29',
  },
};
const { documentNumber: _, ...OPENED } = RECORD;

describe('sealRecord / openRecord', () => {
  const keys = keysOf(7);
  const entry = sealRecord({ record: RECORD, keys, version: 3, randomBytes: fixedNonce });

  it('keeps the number out, the index, country, status and version public, the rest sealed', () => {
    expect(Object.keys(entry).sort()).toEqual(['index', 'issuingCountry', 'sealed', 'status', 'version']);
    expect(entry).toMatchObject({ issuingCountry: 'DK', status: 'stolen', version: 3 });
    expect(Buffer.from(entry.index).equals(keys.index)).toBe(true);
    const blob = Buffer.from(entry.sealed).toString('latin1');
    for (const secret of ['L898902C3', 'Eriksson', 'passport', '2026-11-30']) expect(blob).not.toContain(secret);
  });

  it('opens to the record without its number', () => {
    expect(openRecord({ entry, sealingKey: keys.sealingKey })).toEqual(OPENED);
    const bare = sealRecord({ record: { ...RECORD, details: undefined }, keys, version: 0 });
    expect(openRecord({ entry: bare, sealingKey: keys.sealingKey })).toEqual({ ...OPENED, details: undefined });
  });

  it('writes the documented layout byte for byte (the reference sealer)', () => {
    const json = JSON.stringify({ documentType: 'passport', reportedAt: RECORD.reportedAt, details: RECORD.details });
    const size = Math.ceil(json.length / 64) * 64;
    const expected = referenceSeal(keys.sealingKey, entry, padded(json, size), NONCE);
    expect(Buffer.from(entry.sealed).toString('hex')).toBe(expected.toString('hex'));
    expect(entry.sealed.length).toBe(1 + 12 + 2 + size + 16);
  });

  it('pads to 64-byte size classes: names of different lengths give the same blob length', () => {
    const short = sealRecord({ record: { ...RECORD, details: { familyName: 'Li' } }, keys, version: 1 });
    const longer = sealRecord({ record: { ...RECORD, details: { familyName: 'Lindqvist' } }, keys, version: 1 });
    expect(short.sealed.length).toBe(longer.sealed.length);
  });

  it('draws a fresh nonce each time by default', () => {
    const a = sealRecord({ record: RECORD, keys, version: 3 });
    const b = sealRecord({ record: RECORD, keys, version: 3 });
    expect(Buffer.from(a.sealed).equals(Buffer.from(b.sealed))).toBe(false);
  });

  it.each<[string, Partial<SealedRecord>]>([
    ['another index', { index: keysOf(8).index }],
    ['another issuing country', { issuingCountry: 'SE' }],
    ['another status', { status: 'recovered' }],
    ['an older version', { version: 2 }],
    ['a newer version', { version: 4 }],
  ])('refuses the blob moved to %s (record-unsealable)', (_name, moved) => {
    const error = refusal(() => openRecord({ entry: { ...entry, ...moved }, sealingKey: keys.sealingKey }));
    expect([error.code, error.message]).toEqual([
      'record-unsealable',
      'sealed does not open under this key for this index, country, status and version',
    ]);
  });

  it('refuses another key (record-unsealable)', () => {
    expect(codeOf(() => openRecord({ entry, sealingKey: keysOf(8).sealingKey }))).toBe('record-unsealable');
    // The index value is not the key: knowing it opens nothing.
    expect(codeOf(() => openRecord({ entry, sealingKey: keys.index }))).toBe('record-unsealable');
  });

  it('refuses every bit flip: header bytes as malformed, nonce, ciphertext and tag as unsealable', () => {
    const blob = Buffer.from(entry.sealed);
    for (let byte = 0; byte < blob.length; byte += 1) {
      for (let bit = 0; bit < 8; bit += 1) {
        const flipped = Buffer.from(blob);
        flipped[byte] ^= 1 << bit;
        const expected = byte === 0 || byte === 13 || byte === 14 ? 'record-malformed' : 'record-unsealable';
        const code = codeOf(() => openRecord({ entry: { ...entry, sealed: flipped }, sealingKey: keys.sealingKey }));
        if (code !== expected) throw new Error(`byte ${byte} bit ${bit}: ${code}, expected ${expected}`);
      }
    }
  });

  it('refuses every truncation and any extension as malformed', () => {
    const blob = Buffer.from(entry.sealed);
    const cut = [...Array(blob.length).keys()].map((length) => blob.subarray(0, length));
    for (const sealed of [...cut, Buffer.concat([blob, Buffer.of(0)]), Buffer.concat([blob, Buffer.alloc(64)])]) {
      const code = codeOf(() => openRecord({ entry: { ...entry, sealed }, sealingKey: keys.sealingKey }));
      if (code !== 'record-malformed') throw new Error(`${sealed.length} bytes: ${code}`);
    }
    expect(
      refusal(() => openRecord({ entry: { ...entry, sealed: blob.subarray(0, 94) }, sealingKey: keys.sealingKey }))
        .message,
    ).toBe('sealed is 94 bytes, at least 95 expected');
  });

  it.each([
    ['a format byte 0x02', (b: Buffer) => (b[0] = 2), 'sealed has format 2, only 1 is known'],
    [
      'a length of 0',
      (b: Buffer) => b.writeUInt16BE(0, 13),
      'sealed declares 0 ciphertext bytes, not a multiple of 64 up to 8192',
    ],
    [
      'a length of 65',
      (b: Buffer) => b.writeUInt16BE(65, 13),
      'sealed declares 65 ciphertext bytes, not a multiple of 64 up to 8192',
    ],
  ])('names the header fault: %s', (_name, corrupt, message) => {
    const sealed = Buffer.from(entry.sealed);
    corrupt(sealed);
    const error = refusal(() => openRecord({ entry: { ...entry, sealed }, sealingKey: keys.sealingKey }));
    expect([error.code, error.message, error.field]).toEqual(['record-malformed', message, 'sealed']);
  });

  it.each([
    ['padding beyond its size class', padded('{"documentType":"passport","reportedAt":"2026-11-30T09:15:00Z"}', 128)],
    ['no JSON', padded('not json')],
    ['invalid UTF-8', Buffer.concat([Buffer.of(0xff), padded('', 63)])],
    ['an unknown field', padded('{"documentType":"passport","reportedAt":"2026-11-30T09:15:00Z","x":1}', 128)],
    [
      'the number inside',
      padded('{"documentType":"passport","reportedAt":"2026-11-30T09:15:00Z","documentNumber":"A1"}', 128),
    ],
  ])('refuses authentic plaintext from a faulty sealer: %s (record-malformed)', (_name, plaintext) => {
    const sealed = referenceSeal(keys.sealingKey, entry, plaintext, NONCE);
    expect(codeOf(() => openRecord({ entry: { ...entry, sealed }, sealingKey: keys.sealingKey }))).toBe(
      'record-malformed',
    );
  });

  it.each<[string, () => unknown, TravelDocumentErrorCode, string]>([
    [
      'a short sealing key',
      () => openRecord({ entry, sealingKey: Buffer.alloc(16) }),
      'record-key-invalid',
      'sealingKey',
    ],
    [
      'a short index',
      () => openRecord({ entry: { ...entry, index: Buffer.alloc(31) }, sealingKey: keys.sealingKey }),
      'record-field-invalid',
      'index',
    ],
    [
      'a country code',
      () => openRecord({ entry: { ...entry, issuingCountry: 'DNK' }, sealingKey: keys.sealingKey }),
      'record-field-invalid',
      'issuingCountry',
    ],
    [
      'a status',
      () => openRecord({ entry: { ...entry, status: 'found' as never }, sealingKey: keys.sealingKey }),
      'record-field-invalid',
      'status',
    ],
    [
      'a negative version',
      () => openRecord({ entry: { ...entry, version: -1 }, sealingKey: keys.sealingKey }),
      'record-field-invalid',
      'version',
    ],
    [
      'a fractional version',
      () => sealRecord({ record: RECORD, keys, version: 1.5 }),
      'record-field-invalid',
      'version',
    ],
    [
      'an invalid record',
      () => sealRecord({ record: { ...RECORD, issuingCountry: 'dk' }, keys, version: 1 }),
      'record-field-invalid',
      'record',
    ],
    [
      'a short nonce',
      () => sealRecord({ record: RECORD, keys, version: 1, randomBytes: () => Buffer.alloc(8) }),
      'record-field-invalid',
      'randomBytes',
    ],
  ])('refuses %s before any crypto', (_name, run, code, field) => {
    const error = refusal(run);
    expect([error.code, error.field]).toEqual([code, field]);
  });
});

describe('sealed records through the real POPRF', () => {
  let poprf: Poprf;
  beforeAll(async () => {
    poprf = await createSodiumPoprf();
  });

  const serverKey = (): { secretKey: Uint8Array; publicKey: Uint8Array } =>
    poprf.deriveKeyPair({ seed: Buffer.alloc(32, 0x5c), keyInfo: Buffer.from('bureaunet/sltd test key') });

  /** The databases service's owner-side load: evaluate, derive, seal. */
  function load(record: TravelDocumentRecord, version = 1): SealedRecord {
    const output = poprf.evaluate({ serverSecretKey: serverKey().secretKey, ...recordPoprfInput(record) });
    return sealRecord({ record, keys: deriveRecordKeys(output), version });
  }

  /** A checking node holding only the number and the country: the oblivious round trip. */
  function check(document: { documentNumber: string; issuingCountry: string }): RecordKeys {
    const { secretKey: serverSecretKey, publicKey: serverPublicKey } = serverKey();
    const { input, info } = recordPoprfInput(document);
    const { blind, blindedElement, tweakedKey } = poprf.blind({ input, info, serverPublicKey });
    const { evaluatedElement, proof } = poprf.blindEvaluate({ serverSecretKey, blindedElement, info });
    return deriveRecordKeys(
      poprf.finalize({ input, blind, evaluatedElement, blindedElement, proof, info, tweakedKey }),
    );
  }

  it('a checker with the number finds the index and opens the entry', () => {
    const entry = load(RECORD);
    const keys = check({ documentNumber: 'l898 902 c3', issuingCountry: 'DK' });
    expect(Buffer.from(entry.index).equals(keys.index)).toBe(true);
    expect(openRecord({ entry, sealingKey: keys.sealingKey })).toEqual(OPENED);
  });

  it.each([
    ['another number', { documentNumber: 'L898902C4', issuingCountry: 'DK' }],
    ['another issuing country', { documentNumber: 'L898902C3', issuingCountry: 'NO' }],
  ])('a checker with %s finds another index and cannot open the entry', (_name, document) => {
    const entry = load(RECORD);
    const keys = check(document);
    expect(Buffer.from(entry.index).equals(keys.index)).toBe(false);
    expect(codeOf(() => openRecord({ entry, sealingKey: keys.sealingKey }))).toBe('record-unsealable');
  });

  const name = fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim().length > 0);
  const record: fc.Arbitrary<TravelDocumentRecord> = fc.record(
    {
      documentNumber: fc.stringMatching(/^[A-Z0-9]{1,23}$/),
      issuingCountry: fc.stringMatching(/^[A-Z]{2}$/),
      documentType: fc.constantFrom(...TRAVEL_DOCUMENT_TYPES),
      status: fc.constantFrom(...TRAVEL_DOCUMENT_STATUSES),
      reportedAt: fc.constant('2026-12-01T00:00:00Z'),
      details: fc.record({ familyName: name, givenNames: name, incidentPlace: name }, { requiredKeys: [] }),
    },
    { requiredKeys: ['documentNumber', 'issuingCountry', 'documentType', 'status', 'reportedAt'] },
  );

  it('round-trips random records, and refuses one changed byte anywhere (fast-check)', () => {
    fc.assert(
      fc.property(record, fc.nat(), fc.integer({ min: 1, max: 255 }), (rec, at, mask) => {
        const entry = load(rec, at % 1000);
        const { sealingKey } = check(rec);
        const { documentNumber: __, ...expected } = travelDocumentRecordSchema.parse(rec);
        expect(openRecord({ entry, sealingKey })).toEqual(expected);
        const sealed = Buffer.from(entry.sealed);
        sealed[at % sealed.length] ^= mask;
        expect(() => openRecord({ entry: { ...entry, sealed }, sealingKey })).toThrow(TravelDocumentError);
      }),
      { numRuns: 50 },
    );
  });
});

import { createHmac } from 'node:crypto';
import { createSodiumPoprf, OUTPUT_BYTES, referencePoprf, type Poprf } from '@bureaunet/oprf';
import fc from 'fast-check';
import {
  deriveRecordKeys,
  POPRF_OUTPUT_BYTES,
  RECORD_KEY_LABELS,
  recordPoprfInput,
  type RecordKeys,
} from './record-index';
import { TravelDocumentError } from './travel-document.errors';

/** RFC 5869 written out on HMAC: the naive reference node's hkdfSync is held to. */
function naiveHkdfSha256(ikm: Uint8Array, salt: string, info: string, length: number): Buffer {
  const prk = createHmac('sha256', salt).update(ikm).digest();
  let block = Buffer.alloc(0);
  const okm: Buffer[] = [];
  for (let i = 1; okm.length * 32 < length; i += 1) {
    block = createHmac('sha256', prk)
      .update(Buffer.concat([block, Buffer.from(info), Buffer.of(i)]))
      .digest();
    okm.push(block);
  }
  return Buffer.concat(okm).subarray(0, length);
}

function refusal(run: () => unknown): TravelDocumentError {
  try {
    run();
  } catch (error) {
    if (error instanceof TravelDocumentError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const seed = Buffer.alloc(32, 0xa3);
const keyInfo = Buffer.from('bureaunet/sltd test key');
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** The databases service's owner-side load: evaluate, knowing the number. */
function ownerKeys(poprf: Poprf, document: { documentNumber: string; issuingCountry: string }): RecordKeys {
  const { secretKey } = poprf.deriveKeyPair({ seed, keyInfo });
  return deriveRecordKeys(poprf.evaluate({ serverSecretKey: secretKey, ...recordPoprfInput(document) }));
}

/** A checking node: blind, the databases service evaluates blindly, the node finalizes. */
function checkerKeys(client: Poprf, server: Poprf, document: { documentNumber: string; issuingCountry: string }) {
  const { secretKey, publicKey } = server.deriveKeyPair({ seed, keyInfo });
  const { input, info } = recordPoprfInput(document);
  const { blind, blindedElement, tweakedKey } = client.blind({ input, info, serverPublicKey: publicKey });
  const { evaluatedElement, proof } = server.blindEvaluate({ serverSecretKey: secretKey, blindedElement, info });
  return deriveRecordKeys(client.finalize({ input, blind, evaluatedElement, blindedElement, proof, info, tweakedKey }));
}

describe('recordPoprfInput', () => {
  it('is the canonical number and the bureau code, UTF-8', () => {
    const { input, info } = recordPoprfInput({ documentNumber: 'l898 902-c3', issuingCountry: 'DK' });
    expect(Buffer.from(input).toString()).toBe('L898902C3');
    expect(Buffer.from(info).toString()).toBe('DK');
  });

  it.each([
    ['DNK', 'issuingCountry "DNK" is not a two-letter upper-case bureau code'],
    ['dk', 'issuingCountry "dk" is not a two-letter upper-case bureau code'],
  ])('refuses the issuing country %j', (issuingCountry, message) => {
    const error = refusal(() => recordPoprfInput({ documentNumber: 'L898902C3', issuingCountry }));
    expect([error.code, error.message, error.field]).toEqual(['record-field-invalid', message, 'issuingCountry']);
  });

  it('refuses a number that does not normalise', () => {
    expect(refusal(() => recordPoprfInput({ documentNumber: 'AB/1', issuingCountry: 'DK' })).code).toBe(
      'document-number-invalid',
    );
  });
});

describe('deriveRecordKeys', () => {
  it('takes exactly the POPRF output length', () => {
    expect(POPRF_OUTPUT_BYTES).toBe(OUTPUT_BYTES);
    for (const length of [0, 32, 63, 65]) {
      const error = refusal(() => deriveRecordKeys(new Uint8Array(length)));
      expect([error.code, error.message]).toEqual([
        'record-key-invalid',
        `poprfOutput must be 64 bytes, has ${length}`,
      ]);
    }
  });

  it('is HKDF-SHA256 under the two versioned labels, held to a naive RFC 5869', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (output) => {
        const { index, sealingKey } = deriveRecordKeys(output);
        expect(hex(index)).toBe(hex(naiveHkdfSha256(output, RECORD_KEY_LABELS.salt, RECORD_KEY_LABELS.index, 32)));
        expect(hex(sealingKey)).toBe(hex(naiveHkdfSha256(output, RECORD_KEY_LABELS.salt, RECORD_KEY_LABELS.seal, 32)));
        expect(hex(index)).not.toBe(hex(sealingKey));
      }),
      { numRuns: 100 },
    );
  });

  it('keeps its labels: a changed derivation is a new version, never a silent one', () => {
    expect(RECORD_KEY_LABELS).toEqual({
      salt: 'bureaunet/sltd/v1',
      index: 'bureaunet/sltd/v1/index',
      seal: 'bureaunet/sltd/v1/seal',
    });
    // Recorded once from this implementation (and equal to naiveHkdfSha256): a regression vector.
    const { index, sealingKey } = deriveRecordKeys(Buffer.alloc(64, 7));
    expect(hex(index)).toBe('2fc410051f47622d664642d2de08eeb719a575b061109fdf729d5b08be9b50ee');
    expect(hex(sealingKey)).toBe('a66179a0324fdf7e3a9eb4b1110d756c6b8d36a29db529a9b80ff65b17be91b1');
  });
});

describe('the index through the real POPRF', () => {
  let sodium: Poprf;
  beforeAll(async () => {
    sodium = await createSodiumPoprf();
  });

  const document = { documentNumber: 'L898902C3', issuingCountry: 'DK' };

  it('is the same for the owner-side evaluate and every checker / server pairing', () => {
    const owner = ownerKeys(sodium, document);
    expect(hex(ownerKeys(referencePoprf, document).index)).toBe(hex(owner.index));
    for (const [client, server] of [
      [sodium, sodium],
      [referencePoprf, sodium],
      [sodium, referencePoprf],
    ]) {
      const checked = checkerKeys(client, server, { documentNumber: 'l898902c3', issuingCountry: 'DK' });
      expect([hex(checked.index), hex(checked.sealingKey)]).toEqual([hex(owner.index), hex(owner.sealingKey)]);
    }
  });

  it('differs for another number, another issuing country, another databases key', () => {
    const { index } = ownerKeys(sodium, document);
    const others = [
      ownerKeys(sodium, { ...document, documentNumber: 'L898902C4' }).index,
      ownerKeys(sodium, { ...document, issuingCountry: 'SE' }).index,
      deriveRecordKeys(
        sodium.evaluate({
          serverSecretKey: sodium.deriveKeyPair({ seed: Buffer.alloc(32, 0xa4), keyInfo }).secretKey,
          ...recordPoprfInput(document),
        }),
      ).index,
    ];
    expect(new Set([index, ...others].map(hex)).size).toBe(4);
  });

  it('gives distinct indexes to random distinct documents (fast-check)', () => {
    const doc = fc.record({
      documentNumber: fc.stringMatching(/^[A-Z0-9]{1,23}$/),
      issuingCountry: fc.stringMatching(/^[A-Z]{2}$/),
    });
    fc.assert(
      fc.property(doc, doc, (a, b) => {
        const same = a.documentNumber === b.documentNumber && a.issuingCountry === b.issuingCountry;
        expect(hex(ownerKeys(sodium, a).index) === hex(ownerKeys(sodium, b).index)).toBe(same);
      }),
      { numRuns: 100 },
    );
  });
});

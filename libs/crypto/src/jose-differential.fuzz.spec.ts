import { generateKeyPairSync } from 'node:crypto';
import type { FlattenedJws } from '@bureaunet/contracts';
import fc from 'fast-check';
import { CryptoError } from './crypto.errors';
import { encryptGeneralJwe } from './general-jwe.encrypter';
import { decryptJweEntry, type JweEntry } from './jwe-entry.decrypter';
import { verifyJwsSignature } from './jws-signature.verifier';
import { signJsonPayload } from './jws.signer';
import { joseDecryptEntry, joseEncryptGeneral, joseVerify, jweEntryAt } from './testing/jose-reference';

/**
 * Differential fuzzing against jose, the reference: mutate valid JWE entries and JWS, hand each
 * to both. Whatever jose refuses, the fast path refuses with its CryptoError code; whatever the
 * fast path accepts, jose accepts with the same result. (The fast path may refuse more: epk
 * members beyond kty/crv/x, unprotected JWS headers, non-canonical base64url.)
 */
type Json = Record<string, unknown>;
type Mutation = (value: Json) => void;

const recipientA = generateKeyPairSync('x25519');
const recipientB = generateKeyPairSync('x25519');
const signing = generateKeyPairSync('ed25519');
const PLAINTEXT = Buffer.from('{"body":{"text":"differential"}}');
const PROTECTED = { enc: 'A256GCM', bn_id: 'id-1', bn_from: 'MR' };
const header = (kid: string) => ({ alg: 'ECDH-ES+A256KW', kid, bn_to: kid });

const json64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const unjson64 = (value: unknown): Json => {
  try {
    return JSON.parse(Buffer.from(String(value), 'base64url').toString()) as Json;
  } catch {
    return {};
  }
};

const b64urlString = fc.uint8Array({ maxLength: 48 }).map((bytes) => Buffer.from(bytes).toString('base64url'));
const oddValue = fc.oneof(
  fc.constantFrom<unknown>(undefined, '', 'A', 'AA=', 'AA==', '+/', 'A B', 0, 1, null, true, [], {}, ['x']),
  b64urlString,
  fc.string({ maxLength: 8 }),
);
const headerValue = fc.oneof(
  oddValue,
  fc.constantFrom<unknown>(
    'ECDH-ES',
    'ECDH-ES+A128KW',
    'ECDH-ES+A256KW',
    'dir',
    'RSA-OAEP',
    'none',
    'A128GCM',
    'A256GCM',
    'A256CBC-HS512',
    'DEF',
    ['b64'],
    ['bn_id'],
    { kty: 'OKP', crv: 'X448', x: 'AA' },
    { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' },
  ),
);
const headerName = fc.constantFrom(
  'alg',
  'enc',
  'epk',
  'crit',
  'zip',
  'apu',
  'apv',
  'kid',
  'bn_to',
  'iv',
  'tag',
  'b64',
);

/** Alters one character of a base64url string: non-canonical trailing bits, a stray char, one bit off. */
const textMutation = fc.oneof(
  fc.constant((text: string) => `${text}=`),
  fc.constant((text: string) => `${text}A`),
  fc.constant((text: string) => text.slice(0, -1)),
  fc.constant((text: string) => `${text.slice(0, -1)}${text.endsWith('B') ? 'C' : 'B'}`),
  fc.constant((text: string) => `${text.slice(0, 1) === 'A' ? 'B' : 'A'}${text.slice(1)}`),
  fc.constant((text: string) => text.replace(/[-_]/, '+')),
  fc.constant((text: string) => ` ${text}`),
);

function epkHolder(value: Json): Json | undefined {
  const own = value['header'] as Json | undefined;
  if (own && typeof own === 'object' && own['epk']) return own;
  return undefined;
}

const jweMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('protected', 'unprotected', 'header', 'encrypted_key', 'iv', 'ciphertext', 'tag', 'aad'),
      oddValue,
    )
    .map(([name, value]) => (entry: Json) => {
      entry[name] = value;
    }),
  fc.constantFrom('protected', 'header', 'encrypted_key', 'iv', 'ciphertext', 'tag').map((name) => (entry: Json) => {
    delete entry[name];
  }),
  fc
    .tuple(
      fc.constantFrom('encrypted_key', 'iv', 'ciphertext', 'tag'),
      fc.constantFrom('encrypted_key', 'iv', 'ciphertext', 'tag', 'protected'),
    )
    .map(([a, b]) => (entry: Json) => {
      [entry[a], entry[b]] = [entry[b], entry[a]];
    }),
  fc
    .tuple(fc.constantFrom('encrypted_key', 'iv', 'ciphertext', 'tag', 'protected', 'aad'), textMutation)
    .map(([name, alter]) => (entry: Json) => {
      entry[name] = alter(typeof entry[name] === 'string' ? entry[name] : 'AA');
    }),
  fc.tuple(headerName, headerValue).map(([name, value]) => (entry: Json) => {
    entry['header'] = { ...(entry['header'] as Json | undefined), [name]: value };
  }),
  fc.tuple(headerName, headerValue).map(([name, value]) => (entry: Json) => {
    entry['unprotected'] = { ...(entry['unprotected'] as Json | undefined), [name]: value };
  }),
  fc.tuple(headerName, headerValue).map(([name, value]) => (entry: Json) => {
    entry['protected'] = json64({ ...unjson64(entry['protected']), [name]: value });
  }),
  fc.constantFrom('alg', 'kid', 'epk').map((name) => (entry: Json) => {
    const own = { ...(entry['header'] as Json | undefined) };
    entry['unprotected'] = { ...(entry['unprotected'] as Json | undefined), [name]: own[name] };
    delete own[name];
    entry['header'] = own;
  }),
  fc
    .tuple(
      fc.constantFrom('kty', 'crv', 'x', 'd', 'kid', 'use', 'alg', 'key_ops', 'ext', 'y'),
      fc.oneof(headerValue, fc.constantFrom<unknown>('OKP', 'X25519', 'Ed25519', 'X448', 'EC', 'enc')),
    )
    .map(([name, value]) => (entry: Json) => {
      const holder = epkHolder(entry);
      if (holder) holder['epk'] = { ...(holder['epk'] as Json), [name]: value };
    }),
  textMutation.map((alter) => (entry: Json) => {
    const holder = epkHolder(entry);
    if (holder) {
      const epk = holder['epk'] as Json;
      holder['epk'] = { ...epk, x: alter(String(epk['x'])) };
    }
  }),
);

const jwsMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .tuple(fc.constantFrom('protected', 'payload', 'signature', 'header'), oddValue)
    .map(([name, value]) => (jws: Json) => {
      jws[name] = value;
    }),
  fc.constantFrom('protected', 'payload', 'signature').map((name) => (jws: Json) => {
    delete jws[name];
  }),
  fc.tuple(fc.constantFrom('protected', 'payload', 'signature'), textMutation).map(([name, alter]) => (jws: Json) => {
    jws[name] = alter(String(jws[name]));
  }),
  fc
    .tuple(
      fc.constantFrom('alg', 'crit', 'b64', 'kid', 'typ', 'jwk'),
      fc.oneof(headerValue, fc.constantFrom<unknown>('EdDSA', 'Ed25519', 'HS256', 'ES256', false, ['b64'])),
    )
    .map(([name, value]) => (jws: Json) => {
      jws['protected'] = json64({ ...unjson64(jws['protected']), [name]: value });
    }),
  fc.tuple(fc.constantFrom('alg', 'kid', 'crit', 'x'), headerValue).map(([name, value]) => (jws: Json) => {
    jws['header'] = { [name]: value };
  }),
);

async function outcome(run: () => Promise<Uint8Array> | Uint8Array): Promise<{ ok: Buffer } | { error: unknown }> {
  try {
    return { ok: Buffer.from(await run()) };
  } catch (error) {
    return { error };
  }
}

interface Tally {
  bothAccept: number;
  bothRefuse: number;
  onlyFastRefuses: number;
}

const newTally = (): Tally => ({ bothAccept: 0, bothRefuse: 0, onlyFastRefuses: 0 });

function tally(seen: Tally, jose: object, fast: object): void {
  if ('ok' in fast) seen.bothAccept += 'ok' in jose ? 1 : 0;
  else if ('ok' in jose) {
    seen.onlyFastRefuses += 1;
    // DIFFERENTIAL_TALLY=1 lists what only the fast path refuses, to audit its extra strictness.
    if (process.env['DIFFERENTIAL_TALLY']) console.log((fast as { error: Error }).error.message);
  } else seen.bothRefuse += 1;
}

describe('the fast path refuses whatever jose refuses (differential, fast-check)', () => {
  let bases: Array<{ entry: JweEntry; privateKey: typeof recipientA.privateKey }>;

  beforeAll(async () => {
    const many = encryptGeneralJwe(PLAINTEXT, PROTECTED, [
      { key: recipientA.publicKey, header: header('A') },
      { key: recipientB.publicKey, header: header('B') },
    ]);
    const one = encryptGeneralJwe(PLAINTEXT, PROTECTED, [{ key: recipientA.publicKey, header: header('A') }]);
    const joseMany = await joseEncryptGeneral(PLAINTEXT, PROTECTED, [
      { key: recipientA.publicKey, header: header('A') },
      { key: recipientB.publicKey, header: header('B') },
    ]);
    bases = [
      { entry: jweEntryAt(many, 1), privateKey: recipientB.privateKey },
      { entry: jweEntryAt(one, 0), privateKey: recipientA.privateKey },
      { entry: jweEntryAt(joseMany, 0), privateKey: recipientA.privateKey },
    ];
  });

  it('JWE entries: same refusals, same plaintext', async () => {
    const seen = newTally();
    await fc.assert(
      fc.asyncProperty(fc.nat(2), fc.array(jweMutation, { minLength: 1, maxLength: 3 }), async (which, mutations) => {
        const base = bases[which];
        const entry = structuredClone(base.entry) as unknown as Json;
        mutations.forEach((mutate) => mutate(entry));
        // Inbound input is parsed JSON: no undefined members, no shared references.
        const candidate = JSON.parse(JSON.stringify(entry)) as JweEntry;
        const jose = await outcome(() => joseDecryptEntry(candidate, base.privateKey));
        const fast = await outcome(() => decryptJweEntry(candidate, base.privateKey));
        tally(seen, jose, fast);
        if ('ok' in fast) {
          expect(jose).toEqual(fast);
        } else {
          expect(fast.error).toBeInstanceOf(CryptoError);
          expect((fast.error as CryptoError).code).toBe('bad-content');
        }
      }),
      { numRuns: 1500 },
    );
    // Not vacuous: some mutations (an extra kid, a benign member) still decrypt.
    expect(seen.bothAccept).toBeGreaterThan(0);
    expect(seen.bothRefuse).toBeGreaterThan(0);
  });

  it('JWS: same refusals, and a signature that verifies for one verifies for both', async () => {
    const seen = newTally();
    const base = signJsonPayload({ id: 'x', text: 'signed' }, { kid: 'k', typ: 't' }, signing.privateKey);
    await fc.assert(
      fc.asyncProperty(fc.array(jwsMutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const jws = structuredClone(base) as unknown as Json;
        mutations.forEach((mutate) => mutate(jws));
        const candidate = JSON.parse(JSON.stringify(jws)) as FlattenedJws;
        const jose = await outcome(() => joseVerify(candidate, signing.publicKey));
        const fast = await outcome(() => {
          verifyJwsSignature(candidate, signing.publicKey, 'fuzzed JWS');
          return Buffer.from(candidate.payload, 'base64url');
        });
        tally(seen, jose, fast);
        if ('ok' in fast) {
          expect(jose).toEqual(fast);
        } else {
          expect(fast.error).toBeInstanceOf(CryptoError);
          expect((fast.error as CryptoError).code).toBe('bad-signature');
        }
      }),
      { numRuns: 1500 },
    );
    expect(seen.bothAccept).toBeGreaterThan(0);
    expect(seen.bothRefuse).toBeGreaterThan(0);
  });
});

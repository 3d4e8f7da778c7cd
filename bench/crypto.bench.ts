import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { FlattenedJws, GeneralJwe } from '@bureaunet/contracts';
import {
  decryptEnvelopeContent,
  generateBureauKeys,
  parseEnvelope,
  sealEnvelope,
  verifyEnvelopeSignature,
  type BureauKeys,
} from '@bureaunet/crypto';
import { encryptGeneralJwe, type JweRecipientEntry } from '../libs/crypto/src/general-jwe.encrypter';
import { decryptJweEntry } from '../libs/crypto/src/jwe-entry.decrypter';
import { verifyJwsSignature } from '../libs/crypto/src/jws-signature.verifier';
import { signJsonPayload } from '../libs/crypto/src/jws.signer';
import {
  joseDecryptEntry,
  joseEncryptGeneral,
  joseSignJson,
  joseVerify,
  jweEntryAt,
} from '../libs/crypto/src/testing/jose-reference';
import { publishBenchReport, ratioTo, type BenchFigure } from './bench-report';

/**
 * `npm run bench:crypto`: the envelope crypto per operation, jose (WebCrypto on libuv's pool) vs
 * the node:crypto fast path of libs/crypto, each beside the same operation composed by hand from
 * raw node:crypto primitives (no checks, no abstractions: the ceiling). CPU is process.cpuUsage,
 * so jose's thread-pool work counts: on 2 shared cores, CPU per message sets the throughput.
 */
const BODY = { text: 'x'.repeat(1500) }; // ~2 KB envelope, as the exchange bench sends
const BROADCAST = 195;
const ENVELOPE_TYP = 'bureaunet-envelope+jws';
const KW_IV = Buffer.from('A6A6A6A6A6A6A6A6', 'hex');
// Concat KDF OtherInfo for ECDH-ES+A256KW without apu/apv: lengths-prefixed alg, two empty infos, 256.
const OTHER_INFO = Buffer.concat([
  Buffer.from([0, 0, 0, 14]),
  Buffer.from('ECDH-ES+A256KW'),
  Buffer.alloc(8),
  Buffer.from([0, 0, 1, 0]),
]);
const ROUND_1 = Buffer.from([0, 0, 0, 1]);

interface Cost {
  wallUs: number;
  cpuUs: number;
}

interface Party {
  code: string;
  keys: BureauKeys;
}

// BENCH_CRYPTO_SCALE=0.1 for a quick run; iterations never drop below 5.
const SCALE = Number(process.env['BENCH_CRYPTO_SCALE'] ?? 1);

async function measure(count: number, operation: () => unknown): Promise<Cost> {
  const iterations = Math.max(5, Math.round(count * SCALE));
  for (let index = 0; index < Math.min(50, iterations); index += 1) await operation();
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  for (let index = 0; index < iterations; index += 1) {
    const result = operation();
    if (result instanceof Promise) await result;
  }
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  return { wallUs: (wallMs * 1000) / iterations, cpuUs: (cpu.user + cpu.system) / iterations };
}

// --- Raw node:crypto, composed by hand: the ceiling -------------------------------------------

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

function rawSign(payload: unknown, key: KeyObject): FlattenedJws {
  const protectedB64 = b64({ alg: 'EdDSA', kid: 'k', typ: ENVELOPE_TYP });
  const payloadB64 = b64(payload);
  const signature = sign(null, Buffer.from(`${protectedB64}.${payloadB64}`), key).toString('base64url');
  return { protected: protectedB64, payload: payloadB64, signature };
}

function rawVerify(jws: FlattenedJws, key: KeyObject): boolean {
  return verify(null, Buffer.from(`${jws.protected}.${jws.payload}`), key, Buffer.from(jws.signature, 'base64url'));
}

function rawEncrypt(plaintext: Buffer, recipients: readonly KeyObject[]): GeneralJwe {
  const cek = randomBytes(32);
  const iv = randomBytes(12);
  const entries = recipients.map((key, index) => {
    // The public half encoded by the keygen job: a later KeyObject.export can deadlock on Node 20.20.
    const ephemeral = generateKeyPairSync('x25519', { publicKeyEncoding: { format: 'jwk' } });
    const z = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: key });
    const kek = createHash('sha256').update(ROUND_1).update(z).update(OTHER_INFO).digest();
    const wrap = createCipheriv('id-aes256-wrap', kek, KW_IV);
    const encryptedKey = Buffer.concat([wrap.update(cek), wrap.final()]);
    const epk = { x: (ephemeral.publicKey as { x?: string }).x, crv: 'X25519', kty: 'OKP' };
    return {
      encrypted_key: encryptedKey.toString('base64url'),
      header: { alg: 'ECDH-ES+A256KW', kid: `${index}`, epk },
    };
  });
  const protectedB64 = b64({ enc: 'A256GCM' });
  const cipher = createCipheriv('aes-256-gcm', cek, iv);
  cipher.setAAD(Buffer.from(protectedB64));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    protected: protectedB64,
    recipients: entries,
    iv: iv.toString('base64url'),
    ciphertext: ciphertext.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
  };
}

function rawDecrypt(jwe: GeneralJwe, index: number, privateKey: KeyObject): Buffer {
  const entry = jwe.recipients[index];
  const epk = entry.header?.['epk'] as { x: string };
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: epk.x }, format: 'jwk' });
  const z = diffieHellman({ privateKey, publicKey });
  const kek = createHash('sha256').update(ROUND_1).update(z).update(OTHER_INFO).digest();
  const unwrap = createDecipheriv('id-aes256-wrap', kek, KW_IV);
  const cek = Buffer.concat([unwrap.update(Buffer.from(entry.encrypted_key!, 'base64url')), unwrap.final()]);
  const decipher = createDecipheriv('aes-256-gcm', cek, Buffer.from(jwe.iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(jwe.tag, 'base64url'));
  decipher.setAAD(Buffer.from(jwe.protected));
  return Buffer.concat([decipher.update(Buffer.from(jwe.ciphertext, 'base64url')), decipher.final()]);
}

/** Seal (1 recipient), verify at the gateway and at the recipient, decrypt, sign and verify the receipt. */
function rawExchange(sender: Party, recipient: Party): void {
  const plaintext = Buffer.from(JSON.stringify({ body: BODY }));
  const content = rawEncrypt(plaintext, [recipient.keys.encryption.publicKey]);
  const envelope = rawSign({ id: randomUUID(), content }, sender.keys.signing.privateKey);
  rawVerify(envelope, sender.keys.signing.publicKey);
  rawVerify(envelope, sender.keys.signing.publicKey);
  rawDecrypt(content, 0, recipient.keys.encryption.privateKey);
  const receipt = rawSign({ id: randomUUID(), receiptFor: envelope.signature }, recipient.keys.signing.privateKey);
  rawVerify(receipt, recipient.keys.signing.publicKey);
}

/**
 * Exchanges per second of one core's CPU with raw node:crypto (the ceiling the exchange bench
 * compares with), measured now: CPU time, so other load on the machine moves it less than wall.
 */
export async function rawExchangeCryptoPerSecond(iterations = 500): Promise<number> {
  const [sender, recipient] = await Promise.all([party('DK'), party('MR')]);
  const cost = await measure(iterations, () => rawExchange(sender, recipient));
  return 1_000_000 / cost.cpuUs;
}

// --- The same constructions through jose and through the fast path ----------------------------

interface Construction {
  sign(payload: unknown, key: KeyObject): FlattenedJws | Promise<FlattenedJws>;
  verify(jws: FlattenedJws, key: KeyObject): unknown;
  encrypt(plaintext: Buffer, recipients: readonly JweRecipientEntry[]): GeneralJwe | Promise<GeneralJwe>;
  decrypt(jwe: GeneralJwe, index: number, key: KeyObject): unknown;
}

const header = { kid: 'k', typ: ENVELOPE_TYP };
const jose: Construction = {
  sign: (payload, key) => joseSignJson(payload, header, key),
  verify: (jws, key) => joseVerify(jws, key),
  encrypt: (plaintext, recipients) =>
    joseEncryptGeneral(plaintext, { enc: 'A256GCM', bn_id: 'i', bn_from: 'DK' }, recipients),
  decrypt: (jwe, index, key) => joseDecryptEntry(jweEntryAt(jwe, index), key),
};
const fast: Construction = {
  sign: (payload, key) => signJsonPayload(payload, header, key),
  verify: (jws, key) => verifyJwsSignature(jws, key, 'bench'),
  encrypt: (plaintext, recipients) =>
    encryptGeneralJwe(plaintext, { enc: 'A256GCM', bn_id: 'i', bn_from: 'DK' }, recipients),
  decrypt: (jwe, index, key) => decryptJweEntry(jweEntryAt(jwe, index), key),
};

async function seal(construction: Construction, sender: Party, recipients: readonly Party[]): Promise<FlattenedJws> {
  const plaintext = Buffer.from(JSON.stringify({ body: BODY }));
  const entries = recipients.map((recipient) => ({
    key: recipient.keys.encryption.publicKey,
    header: { alg: 'ECDH-ES+A256KW', kid: recipient.code, bn_to: recipient.code },
  }));
  const content = await construction.encrypt(plaintext, entries);
  return construction.sign({ id: randomUUID(), content }, sender.keys.signing.privateKey);
}

async function exchange(construction: Construction, sender: Party, recipient: Party): Promise<void> {
  const envelope = await seal(construction, sender, [recipient]);
  await construction.verify(envelope, sender.keys.signing.publicKey);
  await construction.verify(envelope, sender.keys.signing.publicKey);
  const payload = JSON.parse(Buffer.from(envelope.payload, 'base64url').toString()) as { content: GeneralJwe };
  await construction.decrypt(payload.content, 0, recipient.keys.encryption.privateKey);
  const receipt = await construction.sign(
    { id: randomUUID(), receiptFor: envelope.signature },
    recipient.keys.signing.privateKey,
  );
  await construction.verify(receipt, recipient.keys.signing.publicKey);
}

/** The exchange through libs/crypto's public functions, parsing and schemas included: what the apps run. */
async function publicApiExchange(sender: Party, recipient: Party): Promise<void> {
  const now = new Date();
  const times = { createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + 60_000).toISOString() };
  const sealed = await sealEnvelope({
    payload: { id: randomUUID(), kind: 'message', from: sender.code, to: [recipient.code], ...times, meta: {} },
    body: BODY,
    recipients: [{ code: recipient.code, kid: 'mr', key: recipient.keys.encryption.publicKey }],
    signer: { kid: 'dk', key: sender.keys.signing.privateKey },
  });
  await verifyEnvelopeSignature(parseEnvelope(sealed.serialized), sender.keys.signing.publicKey); // gateway
  const parsed = parseEnvelope(sealed.serialized);
  await verifyEnvelopeSignature(parsed, sender.keys.signing.publicKey); // recipient, end to end
  await decryptEnvelopeContent(parsed, {
    code: recipient.code,
    kid: 'mr',
    privateKey: recipient.keys.encryption.privateKey,
  });
  const receipt = await sealEnvelope({
    payload: {
      id: randomUUID(),
      kind: 'receipt',
      from: recipient.code,
      to: [sender.code],
      ...times,
      meta: { receiptFor: { id: sealed.payload.id, digest: sealed.digest } },
    },
    recipients: [],
    signer: { kid: 'mr', key: recipient.keys.signing.privateKey },
  });
  await verifyEnvelopeSignature(parseEnvelope(receipt.serialized), recipient.keys.signing.publicKey);
}

// Two upper-case letters from an index, skipping the sender's DK: AA, AB, … (195 of them).
function bureauCode(index: number): string {
  const shifted = index >= 88 ? index + 1 : index;
  return String.fromCharCode(65 + Math.floor(shifted / 26), 65 + (shifted % 26));
}

async function party(code: string): Promise<Party> {
  return { code, keys: await generateBureauKeys() };
}

function figuresFor(operation: string, costs: { raw: Cost; fast: Cost; jose: Cost }): BenchFigure[] {
  const raw: BenchFigure = {
    name: `${operation}: raw node:crypto by hand`,
    value: costs.raw.cpuUs,
    unit: 'µs CPU',
    baseline: true,
    note: `${costs.raw.wallUs.toFixed(0)} µs wall`,
  };
  return [
    raw,
    {
      name: `${operation}: fast path (libs/crypto)`,
      value: costs.fast.cpuUs,
      unit: 'µs CPU',
      against: ratioTo(raw, costs.fast.cpuUs),
      note: `${costs.fast.wallUs.toFixed(0)} µs wall; ${(costs.jose.cpuUs / costs.fast.cpuUs).toFixed(1)}× less CPU than jose`,
    },
    {
      name: `${operation}: jose`,
      value: costs.jose.cpuUs,
      unit: 'µs CPU',
      against: ratioTo(raw, costs.jose.cpuUs),
      note: `${costs.jose.wallUs.toFixed(0)} µs wall`,
    },
  ];
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0] ?? 0;
  const sender = await party('DK');
  const recipients = await Promise.all(Array.from({ length: BROADCAST }, (_, index) => party(bureauCode(index))));
  const recipient = recipients[0];
  const signKey = sender.keys.signing;
  const payload = { id: randomUUID(), body: BODY };
  const envelope = fast.sign(payload, signKey.privateKey) as FlattenedJws;
  const plaintext = Buffer.from(JSON.stringify({ body: BODY }));
  const oneEntry = [
    { key: recipient.keys.encryption.publicKey, header: { alg: 'ECDH-ES+A256KW', kid: 'r', bn_to: 'r' } },
  ];
  const content = encryptGeneralJwe(plaintext, { enc: 'A256GCM', bn_id: 'i', bn_from: 'DK' }, oneEntry);
  const rawContent = rawEncrypt(plaintext, [recipient.keys.encryption.publicKey]);
  const decryptKey = recipient.keys.encryption.privateKey;

  const each = async (
    iterations: number,
    operations: { raw: () => unknown; fast: () => unknown; jose: () => unknown },
  ): Promise<{ raw: Cost; fast: Cost; jose: Cost }> => {
    const raw = await measure(iterations, operations.raw);
    const fastCost = await measure(iterations, operations.fast);
    const joseCost = await measure(iterations, operations.jose);
    process.stderr.write('.'); // progress: the run takes minutes on a loaded machine
    return { raw, fast: fastCost, jose: joseCost };
  };

  const signing = await each(2000, {
    raw: () => rawSign(payload, signKey.privateKey),
    fast: () => fast.sign(payload, signKey.privateKey),
    jose: () => jose.sign(payload, signKey.privateKey),
  });
  const verifying = await each(2000, {
    raw: () => rawVerify(envelope, signKey.publicKey),
    fast: () => fast.verify(envelope, signKey.publicKey),
    jose: () => jose.verify(envelope, signKey.publicKey),
  });
  const sealOne = await each(1000, {
    raw: () => rawSign({ content: rawEncrypt(plaintext, [recipient.keys.encryption.publicKey]) }, signKey.privateKey),
    fast: () => seal(fast, sender, [recipient]),
    jose: () => seal(jose, sender, [recipient]),
  });
  const broadcastKeys = recipients.map((entry) => entry.keys.encryption.publicKey);
  const sealBroadcast = await each(20, {
    raw: () => rawSign({ content: rawEncrypt(plaintext, broadcastKeys) }, signKey.privateKey),
    fast: () => seal(fast, sender, recipients),
    jose: () => seal(jose, sender, recipients),
  });
  const decrypting = await each(1000, {
    raw: () => rawDecrypt(rawContent, 0, decryptKey),
    fast: () => fast.decrypt(content, 0, decryptKey),
    jose: () => jose.decrypt(content, 0, decryptKey),
  });
  const exchanging = await each(500, {
    raw: () => rawExchange(sender, recipient),
    fast: () => exchange(fast, sender, recipient),
    jose: () => exchange(jose, sender, recipient),
  });
  const publicApi = await measure(500, () => publicApiExchange(sender, recipient));
  const loadAfter = loadavg()[0] ?? 0;

  const perSecond = (cost: Cost): number => 1_000_000 / cost.cpuUs;
  // Shares of the sum of the parts, each measured on its own (the whole exchange is measured apart).
  const parts = 3 * verifying.fast.cpuUs + sealOne.fast.cpuUs + decrypting.fast.cpuUs + signing.fast.cpuUs;
  const share = (cpuUs: number): string => `${((100 * cpuUs) / parts).toFixed(0)} %`;
  const rawRate: BenchFigure = {
    name: 'exchange crypto per core: raw node:crypto by hand',
    value: perSecond(exchanging.raw),
    unit: 'exchanges/s',
    baseline: true,
  };
  const rateFigure = (name: string, cost: Cost): BenchFigure => ({
    name,
    value: perSecond(cost),
    unit: 'exchanges/s',
    against: ratioTo(rawRate, perSecond(cost)),
  });

  publishBenchReport({
    title: 'Envelope crypto: jose vs the node:crypto fast path',
    command: 'npm run bench:crypto',
    setup:
      `One process, operations run one after another; ${BODY.text.length}-character body (~2 KB envelope), ` +
      `Ed25519 JWS, ECDH-ES+A256KW (X25519) + A256GCM JWE, ${BROADCAST}-recipient broadcast. CPU per operation ` +
      `from process.cpuUsage (jose's thread-pool work included), wall beside it. An exchange is seal (1 recipient), ` +
      `2× verify, decrypt, sign and verify the receipt. Load average ${loadBefore.toFixed(1)} before, ` +
      `${loadAfter.toFixed(1)} after, on ${availableParallelism()} cores shared with other work: indicative figures.`,
    figures: [
      ...figuresFor('sign (Ed25519 JWS, ~2 KB)', signing),
      ...figuresFor('verify (Ed25519 JWS, ~2 KB)', verifying),
      ...figuresFor('seal, 1 recipient (JWE + JWS)', sealOne),
      ...figuresFor(`seal, ${BROADCAST} recipients (JWE + JWS)`, sealBroadcast),
      ...figuresFor('decrypt one entry', decrypting),
      ...figuresFor('whole exchange crypto', exchanging),
      rawRate,
      rateFigure('exchange crypto per core: fast path', exchanging.fast),
      rateFigure('exchange crypto per core: public API (parse, schemas)', publicApi),
      rateFigure('exchange crypto per core: jose', exchanging.jose),
    ],
    findings: [
      `Whole exchange: fast path ${exchanging.fast.cpuUs.toFixed(0)} µs CPU vs jose ${exchanging.jose.cpuUs.toFixed(0)} µs ` +
        `(${(exchanging.jose.cpuUs / exchanging.fast.cpuUs).toFixed(1)}×); the raw ceiling is ${exchanging.raw.cpuUs.toFixed(0)} µs.`,
      `Through the public functions (zod schemas, JSON parse, canonical base64url checks) an exchange costs ` +
        `${publicApi.cpuUs.toFixed(0)} µs CPU.`,
      `Where the fast path's exchange goes (from the per-operation costs): 3 verifies ` +
        `${share(3 * verifying.fast.cpuUs)}, the seal's JWE (ephemeral X25519 key, DH, KDF, wrap, GCM) ` +
        `${share(sealOne.fast.cpuUs - signing.fast.cpuUs)}, the decrypt ${share(decrypting.fast.cpuUs)}, ` +
        `2 signs ${share(2 * signing.fast.cpuUs)}: Ed25519 verify is the largest single cost, and it is OpenSSL's.`,
      'jose pays a WebCrypto promise and a thread-pool hop per primitive (import, deriveBits, digest, wrapKey, ' +
        'encrypt, sign), which is where its extra CPU goes; the fast path makes the same calls synchronously.',
      'Node 20.20: KeyObject.export({ format: "jwk" }) on a key fresh from generateKeyPairSync can deadlock (the ' +
        "GC finalizes the keygen job under the export's key lock); the fast path takes the epk from the job.",
    ],
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

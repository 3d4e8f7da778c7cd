import { createHash, X509Certificate } from 'node:crypto';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as asn1js from 'asn1js';
import { TimeStampReq } from 'pkijs';
import { createTimestampRequest } from './timestamp.request';
import { tokenFromResponse } from './timestamp.response';
import { verifyTimestampToken } from './timestamp-token.verifier';
import { TimestampError, type TimestampErrorCode } from './timestamp.errors';
import { TIMESTAMP_LIMITS } from './timestamp.limits';
import { createOpensslTsa, type OpensslTsa, type TsaKeyType } from './testing/openssl-tsa';

const run = promisify(execFile);
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();
const DATA = sha256('bureaunet.test/ledger\n42\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n');

function refusal(check: () => unknown): { code: TimestampErrorCode; message: string } {
  try {
    check();
  } catch (error) {
    if (error instanceof TimestampError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a TimestampError');
}

function flipped(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = (copy[at] ?? 0) ^ 1;
  return copy;
}

describe.each<TsaKeyType>(['rsa', 'ec'])('RFC 3161 tokens from openssl ts -reply (%s TSA)', (key) => {
  let tsa: OpensslTsa;
  let otherTsa: OpensslTsa;
  let token: Buffer;
  let nonce: bigint;

  beforeAll(async () => {
    [tsa, otherTsa] = await Promise.all([createOpensslTsa({ key }), createOpensslTsa({ key })]);
    const request = createTimestampRequest(DATA);
    nonce = request.nonce;
    token = tokenFromResponse(await tsa.reply(request.der));
  });

  afterAll(async () => {
    await Promise.all([tsa?.remove(), otherTsa?.remove()]);
  });

  it('verifies a token openssl made, returning its time, and openssl verifies the same token', async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const request = createTimestampRequest(DATA);
    const fresh = tokenFromResponse(await tsa.reply(request.der));
    const verified = verifyTimestampToken(fresh, { trustedCa: tsa.caPem, sha256Digest: DATA, nonce: request.nonce });
    expect(verified.genTime.getTime()).toBeGreaterThanOrEqual(before);
    expect(verified.genTime.getTime()).toBeLessThanOrEqual(Date.now());
    expect(verified.policy).toBe('1.3.6.1.4.1.99999.3161.1');
    expect(verified.tsa).toBe('CN=bureaunet test TSA');
    expect(verified.serialNumber).toMatch(/^[0-9a-f]+$/);
    expect(await tsa.opensslVerifies(fresh, DATA)).toBe(true);
  });

  it('accepts the trusted CA parsed, and a token without a nonce check', () => {
    const verified = verifyTimestampToken(token, { trustedCa: new X509Certificate(tsa.caPem), sha256Digest: DATA });
    expect(verified.genTime).toBeInstanceOf(Date);
  });

  it('refuses a token over other data, as openssl does', async () => {
    const other = sha256('another head\n');
    expect(refusal(() => verifyTimestampToken(token, { trustedCa: tsa.caPem, sha256Digest: other }))).toEqual({
      code: 'wrong-imprint',
      message: 'the token time-stamps other data: its message imprint is not the digest asked',
    });
    expect(await tsa.opensslVerifies(token, other)).toBe(false);
  });

  it('refuses a token under another TSA CA, as openssl does', async () => {
    const { code, message } = refusal(() =>
      verifyTimestampToken(token, { trustedCa: otherTsa.caPem, sha256Digest: DATA }),
    );
    expect(code).toBe('untrusted-signer');
    expect(message).toMatch(/does not chain to the trusted TSA CA/);
    expect(await tsa.opensslVerifies(token, DATA, otherTsa.caPath)).toBe(false);
  });

  it('refuses a token whose TSTInfo changed by one bit, as openssl does', async () => {
    const at = token.indexOf(DATA) + 5; // inside the signed message imprint
    const tampered = flipped(token, at);
    const { code, message } = refusal(() =>
      verifyTimestampToken(tampered, {
        trustedCa: tsa.caPem,
        sha256Digest: Buffer.from(tampered.subarray(at - 5, at + 27)),
      }),
    );
    expect(code).toBe('bad-signature');
    expect(message).toMatch(/message-digest attribute is not the sha256 of the TSTInfo/);
    expect(await tsa.opensslVerifies(tampered, tampered.subarray(at - 5, at + 27))).toBe(false);
  });

  it('refuses a token whose signature changed by one bit, as openssl does', async () => {
    const tampered = flipped(token, token.length - 3); // the signature closes the token
    expect(refusal(() => verifyTimestampToken(tampered, { trustedCa: tsa.caPem, sha256Digest: DATA })).code).toBe(
      'bad-signature',
    );
    expect(await tsa.opensslVerifies(tampered, DATA)).toBe(false);
  });

  it('refuses a token whose nonce is not the one asked', () => {
    const { code, message } = refusal(() =>
      verifyTimestampToken(token, { trustedCa: tsa.caPem, sha256Digest: DATA, nonce: nonce + 1n }),
    );
    expect(code).toBe('wrong-nonce');
    expect(message).toBe(`the token's nonce is ${nonce}, not the ${nonce + 1n} asked`);
  });

  it.each(['none', 'non-critical'] as const)(
    'refuses a token signed by a certificate with extended key usage %s (RFC 3161 §2.3), as openssl does',
    async (usage) => {
      const resigned = await tsa.resign(token, usage);
      const { code, message } = refusal(() =>
        verifyTimestampToken(resigned, { trustedCa: tsa.caPem, sha256Digest: DATA }),
      );
      expect(code).toBe('bad-key-usage');
      expect(message).toMatch(
        usage === 'none' ? /has 0 extended key usage extensions/ : /extended key usage is not critical/,
      );
      expect(await tsa.opensslVerifies(resigned, DATA)).toBe(false);
    },
  );
});

describe('time-stamp requests and responses', () => {
  let tsa: OpensslTsa;

  beforeAll(async () => {
    tsa = await createOpensslTsa();
  });

  afterAll(async () => {
    await tsa?.remove();
  });

  it('builds a version 1 request with a SHA-256 imprint, the nonce and certReq, which openssl reads', async () => {
    const { der, nonce } = createTimestampRequest(DATA, 0x80n);
    const request = new TimeStampReq({ schema: asn1js.fromBER(der).result });
    expect(request.version).toBe(1);
    expect(request.messageImprint.hashAlgorithm.algorithmId).toBe('2.16.840.1.101.3.4.2.1');
    expect(Buffer.from(request.messageImprint.hashedMessage.getValue())).toEqual(DATA);
    expect(request.nonce?.toBigInt()).toBe(0x80n); // positive: a leading zero byte
    expect(nonce).toBe(0x80n);
    expect(request.certReq).toBe(true);
    const file = join(tsa.dir, 'request.tsq');
    await writeFile(file, der);
    const { stdout } = await run('openssl', ['ts', '-query', '-in', file, '-text']);
    expect(stdout).toMatch(/Hash Algorithm: sha256/);
    expect(stdout).toMatch(/Nonce: 0x80\n/);
    expect(stdout).toMatch(/Certificate required: yes/);
  });

  it('reads a rejection as not granted, with the TSA status text', async () => {
    // A SHA-1 imprint: the TSA accepts only SHA-2 digests and answers badAlg.
    const { stdout } = await run('openssl', ['ts', '-query', '-digest', 'aa'.repeat(20), '-sha1', '-cert'], {
      encoding: 'buffer',
    });
    const { code, message } = refusal(() => tokenFromResponse(Buffer.alloc(0)));
    expect(code).toBe('malformed');
    expect(message).toMatch(/^the time-stamp response is not DER/);
    const rejected = await tsa.reply(stdout);
    expect(refusal(() => tokenFromResponse(rejected))).toEqual({
      code: 'not-granted',
      message: 'the TSA answered rejection: Message digest algorithm is not supported.',
    });
  });

  it('bounds what it parses, and refuses bytes after the DER element', async () => {
    const granted = await tsa.reply(createTimestampRequest(DATA).der);
    expect(refusal(() => tokenFromResponse(Buffer.concat([granted, Buffer.from([0])]))).message).toBe(
      'the time-stamp response has 1 bytes after its DER element',
    );
    expect(refusal(() => tokenFromResponse(Buffer.alloc(TIMESTAMP_LIMITS.responseBytes + 1))).code).toBe('too-large');
    const token = tokenFromResponse(granted);
    expect(
      refusal(() =>
        verifyTimestampToken(Buffer.alloc(TIMESTAMP_LIMITS.tokenBytes + 1), {
          trustedCa: tsa.caPem,
          sha256Digest: DATA,
        }),
      ),
    ).toEqual({
      code: 'too-large',
      message: `the time-stamp token is ${TIMESTAMP_LIMITS.tokenBytes + 1} bytes, over 65536`,
    });
    expect(
      refusal(() => verifyTimestampToken(token.subarray(0, 100), { trustedCa: tsa.caPem, sha256Digest: DATA })).code,
    ).toBe('malformed');
  });
});

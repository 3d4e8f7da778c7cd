import { generateKeyPairSync } from 'node:crypto';
import type { DirectoryEntry, SignedDirectory } from '@bureaunet/contracts';
import { createTestCa, issueTestCertificate, type TestCa } from '../../crypto/src/testing/test-pki.fixture';
import { signDirectory, SignedDirectoryError, verifySignedDirectory } from './signed-directory';
import { createTestDirectorySigner, type TestDirectorySigner } from './testing/directory-signer.fixture';
import { certificateFingerprint } from './trusted-certificates';

const ISSUED_AT = new Date('2026-12-01T12:00:00.000Z');
const TTL_MS = 60 * 60 * 1000;
const entry: DirectoryEntry = { code: 'FR', role: 'bureau', status: 'active', revokedSerials: [], version: 3 };

function refusal(signed: SignedDirectory, cas: TestCa[], now = ISSUED_AT): SignedDirectoryError {
  try {
    verifySignedDirectory(signed, { cas: cas.map((ca) => ca.certificate), now });
  } catch (error) {
    if (error instanceof SignedDirectoryError) return error;
    throw error;
  }
  throw new Error('the signed directory was accepted');
}

/** The flattened JWS JSON inside the base64url wrapping, to corrupt one part of it. */
const opened = (signed: SignedDirectory) =>
  JSON.parse(Buffer.from(signed.jws, 'base64url').toString('utf8')) as Record<string, string>;
const rewrapped = (signed: SignedDirectory, jws: Record<string, string>): SignedDirectory => ({
  ...signed,
  jws: Buffer.from(JSON.stringify(jws), 'utf8').toString('base64url'),
});

describe('verifySignedDirectory', () => {
  let ca: TestCa;
  let signer: TestDirectorySigner;
  let signed: SignedDirectory;

  beforeAll(async () => {
    ca = await createTestCa();
    signer = await createTestDirectorySigner(ca);
    signed = await signer.sign([entry], { issuedAt: ISSUED_AT, ttlMs: TTL_MS });
  });

  it('returns the content of a directory signed by XR under the trusted CA, with its dates', () => {
    expect(verifySignedDirectory(signed, { cas: [ca.certificate], now: ISSUED_AT })).toEqual({
      entries: [entry],
      version: 3,
      issuedAt: ISSUED_AT.toISOString(),
      expiresAt: new Date(ISSUED_AT.getTime() + TTL_MS).toISOString(),
    });
  });

  it('refuses a payload with one byte changed', () => {
    const jws = opened(signed);
    const payload = Buffer.from(jws.payload, 'base64url');
    const tampered = payload.toString('utf8').replace('"FR"', '"FX"');
    expect(tampered).not.toBe(payload.toString('utf8'));
    const error = refusal(rewrapped(signed, { ...jws, payload: Buffer.from(tampered).toString('base64url') }), [ca]);
    expect(error.kind).toBe('invalid');
    expect(error.message).toBe('the directory signature does not verify');
  });

  it('refuses a signature with one bit flipped', () => {
    const jws = opened(signed);
    const signature = Buffer.from(jws.signature, 'base64url');
    signature[10] ^= 0x01;
    const error = refusal(rewrapped(signed, { ...jws, signature: signature.toString('base64url') }), [ca]);
    expect(error.message).toBe('the directory signature does not verify');
  });

  it('refuses a directory signed by a certificate from another CA', async () => {
    const other = await createTestDirectorySigner(await createTestCa());
    const error = refusal(await other.sign([entry], { issuedAt: ISSUED_AT }), [ca]);
    expect(error.kind).toBe('invalid');
    expect(error.message).toMatch(
      /^the directory signer certificate \(serial [0-9A-F]+\) was not issued by a trusted CA$/,
    );
  });

  it('refuses a directory signed by a bureau of the trusted CA, not by XR', async () => {
    const bureau = await createTestDirectorySigner(ca, 'FR');
    const error = refusal(await bureau.sign([entry], { issuedAt: ISSUED_AT }), [ca]);
    expect(error.message).toBe('the directory signer certificate names FR, not XR');
  });

  it('refuses an XR certificate swapped for another one than the signature names', async () => {
    const second = await createTestDirectorySigner(ca);
    const error = refusal({ ...signed, certificate: second.certificatePem }, [ca]);
    expect(error.message).toBe('the directory signature kid does not name the certificate sent with it');
  });

  it('refuses the right kid and certificate over a signature made by another key', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const forged = await signDirectory(
      { entries: [entry], version: 3, issuedAt: ISSUED_AT.toISOString(), expiresAt: '2026-12-02T12:00:00.000Z' },
      { kid: signer.kid, key: privateKey, certificatePem: signer.certificatePem },
    );
    expect(refusal(forged, [ca]).message).toBe('the directory signature does not verify');
  });

  it('refuses an XR certificate not valid at the time of checking', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const lapsed = await issueTestCertificate(ca, {
      code: 'XR',
      publicKey,
      notAfter: new Date('2026-11-30T00:00:00Z'),
    });
    const old = await signDirectory(
      { entries: [entry], version: 3, issuedAt: ISSUED_AT.toISOString(), expiresAt: '2026-12-02T12:00:00.000Z' },
      { kid: certificateFingerprint(lapsed.certificate), key: privateKey, certificatePem: lapsed.pem },
    );
    expect(refusal(old, [ca]).message).toMatch(
      /^the directory signer certificate is valid from .* to .*, not at 2026-12-01T12:00:00.000Z$/,
    );
  });

  it('says when an otherwise good directory expired, and names the expiry', () => {
    const error = refusal(signed, [ca], new Date(ISSUED_AT.getTime() + TTL_MS + 1));
    expect(error.kind).toBe('expired');
    expect(error.expiresAt).toBe('2026-12-01T13:00:00.000Z');
    expect(error.message).toBe('the directory (version 3) expired at 2026-12-01T13:00:00.000Z');
  });

  it('accepts it up to its expiry included', () => {
    const at = new Date(ISSUED_AT.getTime() + TTL_MS);
    expect(verifySignedDirectory(signed, { cas: [ca.certificate], now: at }).version).toBe(3);
  });

  it('refuses another typ than the directory one', () => {
    const jws = opened(signed);
    const header = { ...JSON.parse(Buffer.from(jws.protected, 'base64url').toString('utf8')), typ: 'JWT' };
    const changed = rewrapped(signed, { ...jws, protected: Buffer.from(JSON.stringify(header)).toString('base64url') });
    expect(refusal(changed, [ca]).message).toBe('the directory signature has typ JWT, not bureaunet-directory+jws');
  });
});

import { exportPrivateKeyPem, exportPublicKeyPem, generateBureauKeys, type BureauKeys } from './bureau-keys';
import { bindEncryptionKey, KEY_BINDING_TYP, verifyEncryptionKeyBinding } from './encryption-key.binding';
import { decodeJson64, encodeJson64 } from './testing/forged-jws.fixture';

describe('encryption key binding', () => {
  let bureau: BureauKeys;
  let other: BureauKeys;
  let encryptionKeyPem: string;
  let binding: string;
  const now = new Date('2026-11-25T15:00:00Z');

  beforeAll(async () => {
    [bureau, other] = await Promise.all([generateBureauKeys(), generateBureauKeys()]);
    encryptionKeyPem = exportPublicKeyPem(bureau.encryption.publicKey);
    binding = await bindEncryptionKey({ code: 'MR', encryptionKeyPem, signingKey: bureau.signing.privateKey, now });
  });

  const expected = () => ({ code: 'MR', encryptionKeyPem, signingPublicKey: bureau.signing.publicKey });

  it('is a compact JWS over { code, encryptionKey, iat } with the binding typ', () => {
    const [protectedB64, payloadB64] = binding.split('.');
    expect(decodeJson64(protectedB64)).toMatchObject({
      alg: 'EdDSA',
      typ: KEY_BINDING_TYP,
      kid: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(decodeJson64(payloadB64)).toEqual({
      code: 'MR',
      encryptionKey: encryptionKeyPem,
      iat: now.getTime() / 1000,
    });
  });

  it('accepts the key it binds, also when the PEM uses other line endings', async () => {
    await expect(verifyEncryptionKeyBinding(binding, expected())).resolves.toBeUndefined();
    await expect(
      verifyEncryptionKeyBinding(binding, { ...expected(), encryptionKeyPem: encryptionKeyPem.replace(/\n/g, '\r\n') }),
    ).resolves.toBeUndefined();
  });

  it('refuses another bureau code', async () => {
    await expect(verifyEncryptionKeyBinding(binding, { ...expected(), code: 'FR' })).rejects.toMatchObject({
      code: 'malformed-envelope',
      message: 'key binding is for bureau MR, not FR',
    });
  });

  it('refuses another encryption key', async () => {
    const otherPem = exportPublicKeyPem(other.encryption.publicKey);
    await expect(
      verifyEncryptionKeyBinding(binding, { ...expected(), encryptionKeyPem: otherPem }),
    ).rejects.toMatchObject({
      code: 'malformed-envelope',
      message: 'key binding vouches for a different encryption key than the one submitted by MR',
    });
  });

  it('refuses a binding checked against another signing key: bad-signature', async () => {
    await expect(
      verifyEncryptionKeyBinding(binding, { ...expected(), signingPublicKey: other.signing.publicKey }),
    ).rejects.toMatchObject({
      code: 'bad-signature',
      message: expect.stringContaining('key binding signature does not verify'),
    });
  });

  it('refuses a payload swapped after signing: bad-signature', async () => {
    const [protectedB64, , signature] = binding.split('.');
    const swapped = encodeJson64({ code: 'MR', encryptionKey: exportPublicKeyPem(other.encryption.publicKey), iat: 1 });
    await expect(
      verifyEncryptionKeyBinding(`${protectedB64}.${swapped}.${signature}`, expected()),
    ).rejects.toMatchObject({ code: 'bad-signature' });
  });

  it('refuses what is not a compact JWS, or a private key offered as the encryption key', async () => {
    await expect(verifyEncryptionKeyBinding('', expected())).rejects.toMatchObject({
      code: 'malformed-envelope',
      message: expect.stringContaining('must be a compact JWS'),
    });
    await expect(
      verifyEncryptionKeyBinding(binding.split('.').slice(0, 2).join('.'), expected()),
    ).rejects.toMatchObject({
      code: 'malformed-envelope',
      message: expect.stringContaining('with a payload and a signature'),
    });
    await expect(verifyEncryptionKeyBinding(`${binding}.x`, expected())).rejects.toMatchObject({
      code: 'malformed-envelope',
      message: expect.stringContaining('must be a compact JWS'),
    });
    const privatePem = exportPrivateKeyPem(bureau.encryption.privateKey);
    await expect(
      verifyEncryptionKeyBinding(binding, { ...expected(), encryptionKeyPem: privatePem }),
    ).rejects.toMatchObject({
      code: 'malformed-envelope',
      message: 'submitted encryption key: must be an SPKI PEM public key',
    });
  });

  it('refuses alg none before verifying', async () => {
    const header = encodeJson64({ alg: 'none', typ: KEY_BINDING_TYP, kid: 'k' });
    const unsecured = `${header}.${binding.split('.')[1]}.`;
    await expect(verifyEncryptionKeyBinding(unsecured, expected())).rejects.toMatchObject({
      code: 'unsupported-algorithm',
      message: 'JWS alg "none" is not allowed; only EdDSA is accepted',
    });
  });
});

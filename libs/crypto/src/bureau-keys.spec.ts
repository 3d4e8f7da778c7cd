import { createPrivateKey, createPublicKey } from 'node:crypto';
import { FlattenedSign, flattenedVerify } from 'jose';
import { exportPrivateKeyPem, exportPublicKeyPem, generateBureauKeys } from './bureau-keys';

describe('generateBureauKeys', () => {
  it('makes an Ed25519 signing pair and an X25519 encryption pair', async () => {
    const keys = await generateBureauKeys();
    expect([keys.signing.privateKey.asymmetricKeyType, keys.signing.publicKey.type]).toEqual(['ed25519', 'public']);
    expect([keys.encryption.privateKey.asymmetricKeyType, keys.encryption.publicKey.type]).toEqual([
      'x25519',
      'public',
    ]);
    expect(createPublicKey(keys.signing.privateKey).equals(keys.signing.publicKey)).toBe(true);
  });

  it('exports PKCS#8 and SPKI PEM that import back to the same keys', async () => {
    const { signing } = await generateBureauKeys();
    const privatePem = exportPrivateKeyPem(signing.privateKey);
    const publicPem = exportPublicKeyPem(signing.publicKey);
    expect(createPrivateKey(privatePem).export({ type: 'pkcs8', format: 'pem' })).toBe(privatePem);
    expect(publicPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(createPrivateKey(privatePem).equals(signing.privateKey)).toBe(true);
    expect(createPublicKey(publicPem).equals(signing.publicKey)).toBe(true);
    expect(exportPublicKeyPem(signing.privateKey)).toBe(publicPem);
  });
});

describe('EdDSA as jose and node:crypto produce it (RFC 8037 appendix A)', () => {
  // A.1 key; A.4 signature over "Example of Ed25519 signing" with protected header {"alg":"EdDSA"}.
  const jwk = {
    kty: 'OKP',
    crv: 'Ed25519',
    d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A',
    x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
  };
  const expected = {
    protected: 'eyJhbGciOiJFZERTQSJ9',
    payload: 'RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc',
    signature: 'hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg',
  };

  it('signs to the exact published signature bytes', async () => {
    const key = createPrivateKey({ key: jwk, format: 'jwk' });
    const signed = await new FlattenedSign(new TextEncoder().encode('Example of Ed25519 signing'))
      .setProtectedHeader({ alg: 'EdDSA' })
      .sign(key);
    expect(signed).toEqual(expected);
  });

  it('verifies the published signature with the A.1 public key', async () => {
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
    const { payload } = await flattenedVerify(expected, publicKey, { algorithms: ['EdDSA'] });
    expect(new TextDecoder().decode(payload)).toBe('Example of Ed25519 signing');
  });
});

import { createPrivateKey, createPublicKey, diffieHellman } from 'node:crypto';
import { decryptAes256Gcm, encryptAes256Gcm } from './aes-gcm';
import { unwrapKeyAes256, wrapKeyAes256 } from './aes-key-wrap';
import { concatKdf, concatKdfOtherInfo } from './concat-kdf';
import { deriveKeyEncryptionKey } from './ecdh-es-key-wrap';
import { verifyJwsSignature } from './jws-signature.verifier';
import { signFlattenedJws } from './jws.signer';

const hex = (value: string): Buffer => Buffer.from(value.replace(/\s+/g, ''), 'hex');

describe('RFC 8037 appendix A.4/A.5: Ed25519 JWS through the fast path', () => {
  // A.1 key; A.4 signs "Example of Ed25519 signing" under {"alg":"EdDSA"}; Ed25519 is deterministic.
  const d = 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A';
  const x = '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo';
  const expected = {
    protected: 'eyJhbGciOiJFZERTQSJ9',
    payload: 'RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc',
    signature: 'hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg',
  };
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });

  it('A.4: signs to the exact published signature bytes', () => {
    const privateKey = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d, x }, format: 'jwk' });
    const payload = Buffer.from('Example of Ed25519 signing', 'utf8');
    expect(signFlattenedJws({ alg: 'EdDSA' }, payload, privateKey)).toEqual(expected);
  });

  it('A.5: verifies the published signature, and refuses it once one payload character changes', () => {
    expect(() => verifyJwsSignature(expected, publicKey, 'A.4')).not.toThrow();
    const tampered = { ...expected, payload: `${expected.payload.slice(0, -1)}h` };
    expect(() => verifyJwsSignature(tampered, publicKey, 'A.4')).toThrow(
      expect.objectContaining({ code: 'bad-signature' }) as Error,
    );
  });
});

describe('RFC 8037 appendix A.6: ECDH-ES with X25519', () => {
  // The ephemeral secret and Bob's public key are RFC 7748 section 6.1's; Z is their X25519.
  const ephemeralSecret = hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
  const ephemeralX = 'hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo';
  const bobX = '3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK08';
  const z = hex('4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742');
  const ephemeral = createPrivateKey({
    key: { kty: 'OKP', crv: 'X25519', d: ephemeralSecret.toString('base64url'), x: ephemeralX },
    format: 'jwk',
  });
  const bob = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: bobX }, format: 'jwk' });

  it('derives the published ephemeral public key and shared secret Z', () => {
    expect(createPublicKey(ephemeral).export({ format: 'jwk' }).x).toBe(ephemeralX);
    expect(diffieHellman({ privateKey: ephemeral, publicKey: bob })).toEqual(z);
  });

  it('feeds exactly that Z into the Concat KDF for ECDH-ES+A256KW', () => {
    const otherInfo = concatKdfOtherInfo('ECDH-ES+A256KW', 256);
    expect(deriveKeyEncryptionKey(ephemeral, bob, otherInfo)).toEqual(concatKdf(z, otherInfo, 256));
  });
});

describe('RFC 7518 appendix C: the Concat KDF', () => {
  // ECDH-ES (direct) with A128GCM, apu "Alice", apv "Bob", on P-256.
  const z = Buffer.from([
    158, 86, 217, 29, 129, 113, 53, 211, 114, 131, 66, 131, 191, 132, 38, 156, 251, 49, 110, 163, 218, 128, 106, 72,
    246, 218, 167, 121, 140, 254, 144, 196,
  ]);

  it('derives the published key from the published Z', () => {
    const otherInfo = concatKdfOtherInfo('A128GCM', 128, Buffer.from('Alice'), Buffer.from('Bob'));
    expect(concatKdf(z, otherInfo, 128).toString('base64url')).toBe('VqqN6vgjbSBcIijNcacQGg');
  });

  it('lays out OtherInfo as length-prefixed AlgorithmID, PartyUInfo, PartyVInfo, then keydatalen', () => {
    expect(concatKdfOtherInfo('A128GCM', 128, Buffer.from('Alice'), Buffer.from('Bob'))).toEqual(
      Buffer.from([
        0, 0, 0, 7, 65, 49, 50, 56, 71, 67, 77, 0, 0, 0, 5, 65, 108, 105, 99, 101, 0, 0, 0, 3, 66, 111, 98, 0, 0, 0,
        128,
      ]),
    );
  });

  it('gets the same Z from the appendix keys (Alice ephemeral, Bob static)', () => {
    const alice = createPrivateKey({
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: 'gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0',
        y: 'SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps',
        d: '0_NxaRPUMQoAJt50Gz8YiTr8gRTwyEaCumd-MToTmIo',
      },
      format: 'jwk',
    });
    const bob = createPublicKey({
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: 'weNJy2HscCSM6AEDTDg04biOvhFhyyWvOHQfeF_PxMQ',
        y: 'e8lnCO-AlStT-NJVX-crhB7QRYhiix03illJOVAOyck',
      },
      format: 'jwk',
    });
    expect(diffieHellman({ privateKey: alice, publicKey: bob })).toEqual(z);
  });
});

describe('RFC 3394 section 4.6: AES key wrap, 256-bit key data with a 256-bit KEK', () => {
  const kek = hex('000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F');
  const keyData = hex('00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F');
  const wrapped = hex('28C9F404C4B810F4 CBCCB35CFB87F826 3F5786E2D80ED326 CBC7F0E71A99F43B FB988B9B7A02DD21');

  it('wraps to the published ciphertext and unwraps back', () => {
    expect(wrapKeyAes256(kek, keyData)).toEqual(wrapped);
    expect(unwrapKeyAes256(kek, wrapped)).toEqual(keyData);
  });

  it('refuses a wrapped key whose integrity check fails', () => {
    const tampered = Buffer.from(wrapped);
    tampered[20] = (tampered[20] ?? 0) ^ 1;
    expect(() => unwrapKeyAes256(kek, tampered)).toThrow();
  });
});

describe('RFC 7516 appendix A.1: the A256GCM content encryption step', () => {
  const protectedB64 = 'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ';
  const cek = Buffer.from([
    177, 161, 244, 128, 84, 143, 225, 115, 63, 180, 3, 255, 107, 154, 212, 246, 138, 7, 110, 91, 112, 46, 34, 105, 47,
    130, 203, 46, 122, 234, 64, 252,
  ]);
  const iv = Buffer.from('48V1_ALb6US04U3b', 'base64url');
  const plaintext = Buffer.from('The true sign of intelligence is not knowledge but imagination.', 'utf8');
  const ciphertext = '5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A';
  const tag = 'XFBoMYUZodetZdvTiFvSkQ';
  const aad = Buffer.from(protectedB64, 'ascii');

  it('produces the published ciphertext and tag from the given CEK, IV and AAD', () => {
    const sealed = encryptAes256Gcm(cek, iv, plaintext, aad);
    expect(sealed.ciphertext.toString('base64url')).toBe(ciphertext);
    expect(sealed.tag.toString('base64url')).toBe(tag);
  });

  it('decrypts them back, and refuses them under another AAD', () => {
    const bytes = Buffer.from(ciphertext, 'base64url');
    const tagBytes = Buffer.from(tag, 'base64url');
    expect(decryptAes256Gcm(cek, iv, bytes, tagBytes, aad)).toEqual(plaintext);
    expect(() => decryptAes256Gcm(cek, iv, bytes, tagBytes, Buffer.from(`${protectedB64}x`))).toThrow();
  });
});

import { webcrypto } from 'node:crypto';
import { DomainError } from '@bureaunet/contracts';
import { readSigningCsr } from './signing-csr.reader';
import { x509 } from './x509.provider';

async function csr(
  name: string,
  algorithm: 'Ed25519' | 'ECDSA' = 'Ed25519',
): Promise<{ pem: string; publicKey: webcrypto.CryptoKey }> {
  const params =
    algorithm === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(params, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const request = await x509.Pkcs10CertificateRequestGenerator.create({ name, keys, signingAlgorithm: params });
  return { pem: request.toString('pem'), publicKey: keys.publicKey };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('readSigningCsr', () => {
  it('returns the Ed25519 key of a self-signed request whose CN is the code', async () => {
    const { pem, publicKey } = await csr('CN=FR, O=bureaunet');
    const key = await readSigningCsr(pem, 'FR');
    expect(key.asymmetricKeyType).toBe('ed25519');
    expect(
      Buffer.from(await webcrypto.subtle.exportKey('spki', publicKey)).equals(
        key.export({ type: 'spki', format: 'der' }),
      ),
    ).toBe(true);
  });

  it('refuses a request for another bureau, or naming two', async () => {
    const other = await refusal(readSigningCsr((await csr('CN=DE')).pem, 'FR'));
    expect(other).toMatchObject({ code: 'csr-invalid', kind: 'invalid' });
    expect(other.message).toMatch(/exactly one CN, equal to FR; got \["DE"\]/);
    expect(await refusal(readSigningCsr((await csr('CN=FR+CN=DE')).pem, 'FR'))).toMatchObject({ code: 'csr-invalid' });
    expect(await refusal(readSigningCsr((await csr('O=bureaunet')).pem, 'FR'))).toMatchObject({ code: 'csr-invalid' });
  });

  it('refuses a key that is not Ed25519', async () => {
    const error = await refusal(readSigningCsr((await csr('CN=FR', 'ECDSA')).pem, 'FR'));
    expect(error).toMatchObject({ code: 'csr-invalid', message: 'the signing CSR must hold an Ed25519 key, got ec' });
  });

  it('refuses a request whose signature does not verify', async () => {
    const { pem } = await csr('CN=FR');
    const request = new x509.Pkcs10CertificateRequest(pem);
    const der = Buffer.from(request.rawData);
    der[der.length - 1] ^= 0x01; // last byte of the signature value
    const tampered = new x509.Pkcs10CertificateRequest(der).toString('pem');
    const error = await refusal(readSigningCsr(tampered, 'FR'));
    expect(error).toMatchObject({
      code: 'csr-invalid',
      message: 'the signing CSR signature does not verify with its own key',
    });
  });

  it('refuses what is not one PEM certificate request', async () => {
    const { pem } = await csr('CN=FR');
    const certificateLike = pem.replace(/CERTIFICATE REQUEST/g, 'CERTIFICATE');
    const notPem = new x509.Pkcs10CertificateRequest(pem).toString('base64');
    for (const input of [
      '',
      notPem,
      certificateLike,
      `${pem}\n${pem}`,
      '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----',
    ]) {
      expect(await refusal(readSigningCsr(input, 'FR'))).toMatchObject({ code: 'csr-invalid' });
    }
  });

  it('refuses an RSA key', async () => {
    const params = {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    };
    const keys = await webcrypto.subtle.generateKey(params, true, ['sign', 'verify']);
    const request = await x509.Pkcs10CertificateRequestGenerator.create({
      name: 'CN=FR',
      keys,
      signingAlgorithm: params,
    });
    expect(await refusal(readSigningCsr(request.toString('pem'), 'FR'))).toMatchObject({
      code: 'csr-invalid',
      message: 'the signing CSR must hold an Ed25519 key, got rsa',
    });
  });
});

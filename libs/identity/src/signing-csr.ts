// @peculiar/x509 resolves its ASN.1 helpers through tsyringe, which needs the reflect polyfill loaded first.
import 'reflect-metadata';
import { KeyObject, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/** PKCS#10 request for the bureau's Ed25519 signing key, subject CN=<code>. */
export async function buildSigningCsr(
  code: string,
  keys: { privateKey: KeyObject; publicKey: KeyObject },
): Promise<string> {
  const algorithm = { name: 'Ed25519' };
  const privateKey = await webcrypto.subtle.importKey(
    'pkcs8',
    keys.privateKey.export({ format: 'der', type: 'pkcs8' }),
    algorithm,
    false,
    ['sign'],
  );
  const publicKey = await webcrypto.subtle.importKey(
    'spki',
    keys.publicKey.export({ format: 'der', type: 'spki' }),
    algorithm,
    true,
    ['verify'],
  );
  const csr = await x509.Pkcs10CertificateRequestGenerator.create(
    { name: `CN=${code}, O=bureaunet`, keys: { privateKey, publicKey }, signingAlgorithm: algorithm },
    webcrypto,
  );
  return csr.toString('pem');
}

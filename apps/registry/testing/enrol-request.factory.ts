import { webcrypto } from 'node:crypto';
import type { EnrolRequest } from '@bureaunet/contracts';
import { bindEncryptionKey, exportPublicKeyPem, type BureauKeys } from '@bureaunet/crypto';
import { ED25519, x509 } from '../src/pki/x509.provider';

export interface EnrolRequestOptions {
  /** Subject of the CSR; default `CN=<code>, O=bureaunet`. */
  csrName?: string;
  /** Whose Ed25519 key signs the encryption key binding; default the bureau's own. */
  bindingKeys?: BureauKeys;
}

/** What a bureau sends to enrol: a CSR made with @peculiar/x509 and the key binding from libs/crypto. */
export async function makeEnrolRequest(
  code: string,
  token: string | undefined,
  keys: BureauKeys,
  options: EnrolRequestOptions = {},
): Promise<Partial<EnrolRequest>> {
  const privateKey = await webcrypto.subtle.importKey(
    'pkcs8',
    keys.signing.privateKey.export({ type: 'pkcs8', format: 'der' }),
    ED25519,
    false,
    ['sign'],
  );
  const publicKey = await webcrypto.subtle.importKey(
    'spki',
    keys.signing.publicKey.export({ type: 'spki', format: 'der' }),
    ED25519,
    true,
    ['verify'],
  );
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: options.csrName ?? `CN=${code}, O=bureaunet`,
    keys: { privateKey, publicKey },
    signingAlgorithm: ED25519,
  });
  const encryptionKey = exportPublicKeyPem(keys.encryption.publicKey);
  const binder = options.bindingKeys ?? keys;
  return {
    code,
    ...(token === undefined ? {} : { token }),
    signingCsr: csr.toString('pem'),
    encryptionKey,
    encryptionKeyBinding: await bindEncryptionKey({
      code,
      encryptionKeyPem: encryptionKey,
      signingKey: binder.signing.privateKey,
    }),
  };
}

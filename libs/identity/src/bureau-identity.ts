import type { KeyObject, X509Certificate } from 'node:crypto';

export interface IdentityKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  certificate: X509Certificate;
  /** JOSE kid: the certificate's SHA-256 thumbprint. */
  kid: string;
}

/** Who this process is on the network: its keys, its certificates, and the CA it trusts. */
export interface BureauIdentity {
  code: string;
  signing: IdentityKey;
  encryption: IdentityKey;
  ca: X509Certificate;
}

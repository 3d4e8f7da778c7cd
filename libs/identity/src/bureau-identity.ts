import type { KeyObject, X509Certificate } from 'node:crypto';

export interface IdentityKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  certificate: X509Certificate;
  /** JOSE kid: the certificate's SHA-256 thumbprint. */
  kid: string;
}

/**
 * Who this process is on the network: its keys, its certificates, and the CA it trusts. One live
 * object per process: a renewal swaps its keys in place, so read them when used, never copy them.
 */
export interface BureauIdentity {
  code: string;
  signing: IdentityKey;
  encryption: IdentityKey;
  ca: X509Certificate;
  /** Encryption keys replaced by renewals, newest first, kept until their certificates expire: what was sealed to them still opens. */
  previousEncryption?: IdentityKey[];
  /** During a CA rotation: CAs still trusted besides `ca` (which issues from now on), until the registry retires them. */
  previousCas?: X509Certificate[];
}

/** Every CA whose certificates this process accepts: the current one first. */
export function trustedCas(identity: BureauIdentity): X509Certificate[] {
  return [identity.ca, ...(identity.previousCas ?? [])];
}

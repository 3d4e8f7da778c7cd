import type { X509Certificate } from 'node:crypto';
import { CryptoError } from './crypto.errors';

/**
 * Whether `next` may be trusted on the word of `trusted`: `next` is a self-signed CA, and `link`
 * is a CA certificate issued by `trusted` for next's very name and key. How a bureau adopts a
 * new CA during a rotation without taking the registry's word for it.
 */
export function verifyCaLink(input: { trusted: X509Certificate; next: X509Certificate; link: X509Certificate }): void {
  const { trusted, next, link } = input;
  const refuse = (reason: string) =>
    new CryptoError('certificate-invalid', `the new CA ${next.fingerprint256} cannot be trusted: ${reason}`);
  if (!next.ca || next.issuer !== next.subject || !next.verify(next.publicKey))
    throw refuse('it is not a self-signed CA certificate');
  if (!link.ca || !link.checkIssued(trusted) || !link.verify(trusted.publicKey))
    throw refuse(`its link is not a CA certificate issued by the trusted CA ${trusted.fingerprint256}`);
  if (link.subject !== next.subject || !link.publicKey.equals(next.publicKey))
    throw refuse('its link certifies another name or key');
}

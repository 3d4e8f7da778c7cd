import type { BureauIdentity, IdentityKey } from './bureau-identity';

/**
 * The encryption key an envelope was sealed to, picked by the JWE recipient kids: the current one,
 * or one a renewal replaced (kept until its certificate expires). Falls back to the current key,
 * whose decryption then refuses with the kid it looked for.
 */
export function encryptionKeyFor(identity: BureauIdentity, jweKids: readonly string[]): IdentityKey {
  const candidates = [identity.encryption, ...(identity.previousEncryption ?? [])];
  return candidates.find((key) => jweKids.includes(key.kid)) ?? identity.encryption;
}

import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

// Argon2id with OWASP's Password Storage Cheat Sheet parameters: m=19456 KiB (19 MiB), t=2, p=1.
// The enum is declared `const` in the binding's types, so its value is written out here.
const ARGON2ID = 2 as Algorithm;
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** A PHC string ("$argon2id$v=19$m=19456,t=2,p=1$…") with its own random salt. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Argon2's own verification (a constant-time comparison of the derived key); false for a malformed hash. */
export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    // A stored hash that does not parse matches nothing.
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * The same work as a real verification, for a username nobody holds or a person with no password
 * yet: the answer's timing must not tell who exists.
 */
export async function verifyNobody(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(32).toString('base64url'));
  await verifyPassword(await dummy, password);
  return false;
}

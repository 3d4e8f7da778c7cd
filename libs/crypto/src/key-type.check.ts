import type { KeyObject } from 'node:crypto';

/** A wrong key here is the caller's bug, not a peer's input: a TypeError, not a refusal code. */
export function assertKeyType(
  key: KeyObject,
  expected: { asymmetricKeyType: 'ed25519' | 'x25519'; type: 'public' | 'private' },
  role: string,
): void {
  if (key.type !== expected.type || key.asymmetricKeyType !== expected.asymmetricKeyType) {
    const actual = key.type === 'secret' ? 'secret' : `${key.asymmetricKeyType ?? 'unknown'} ${key.type}`;
    throw new TypeError(`${role} must be an ${expected.asymmetricKeyType} ${expected.type} key, got ${actual} key`);
  }
}

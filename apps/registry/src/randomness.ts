import { randomBytes } from 'node:crypto';

/** Random bytes for tokens and serial numbers, injected so that tests can fix them. */
export abstract class Randomness {
  abstract bytes(size: number): Uint8Array;
}

export class CryptoRandomness extends Randomness {
  override bytes(size: number): Uint8Array {
    return randomBytes(size);
  }
}

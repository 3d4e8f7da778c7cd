/*
 * RFC 9497 constants for POPRF mode (modeID 0x02) over ristretto255-SHA512 (section 4.1):
 * contextString = "OPRFV1-" || I2OSP(modeID, 1) || "-" || identifier.
 */
export const SUITE_IDENTIFIER = 'ristretto255-SHA512';
export const MODE_POPRF = 0x02;

const ascii = (text: string): Buffer => Buffer.from(text, 'ascii');

export const CONTEXT_STRING: Buffer = Buffer.concat([
  ascii('OPRFV1-'),
  Buffer.of(MODE_POPRF),
  ascii(`-${SUITE_IDENTIFIER}`),
]);

/** Domain separation tags of section 4 and the labels hashed into transcripts (sections 2.2 and 3). */
export const DST = {
  hashToGroup: Buffer.concat([ascii('HashToGroup-'), CONTEXT_STRING]),
  hashToScalar: Buffer.concat([ascii('HashToScalar-'), CONTEXT_STRING]),
  deriveKeyPair: Buffer.concat([ascii('DeriveKeyPair'), CONTEXT_STRING]),
  seed: Buffer.concat([ascii('Seed-'), CONTEXT_STRING]),
} as const;

export const LABEL = {
  info: ascii('Info'),
  composite: ascii('Composite'),
  challenge: ascii('Challenge'),
  finalize: ascii('Finalize'),
} as const;

/** Ne, Ns and Nh of ristretto255-SHA512; a proof is two scalars. */
export const ELEMENT_BYTES = 32;
export const SCALAR_BYTES = 32;
export const OUTPUT_BYTES = 64;
export const PROOF_BYTES = 2 * SCALAR_BYTES;
export const SEED_BYTES = 32;

/** Inputs and info are framed with a two-byte length (section 1.2): at most 2^16 - 1 bytes. */
export const MAX_INPUT_BYTES = 0xffff;

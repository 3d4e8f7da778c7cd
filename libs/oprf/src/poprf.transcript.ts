import { DST, LABEL } from './poprf.suite';

/*
 * The byte strings RFC 9497 hashes, each part framed as I2OSP(len, 2) || part and labels appended
 * raw: framedInfo (section 3.3.3), the seed, composite and challenge transcripts (section 2.2.1)
 * and Finalize's hashInput (section 3.3.3). Lengths were checked at the boundary (< 2^16).
 */

const i2osp2 = (n: number): Buffer => Buffer.of(n >> 8, n & 0xff);

export const framed = (...parts: Uint8Array[]): Buffer =>
  Buffer.concat(parts.flatMap((part) => [i2osp2(part.length), part]));

/** "Info" || I2OSP(len(info), 2) || info */
export const framedInfo = (info: Uint8Array): Buffer => Buffer.concat([LABEL.info, framed(info)]);

/** I2OSP(len(Bm), 2) || Bm || I2OSP(len(seedDST), 2) || seedDST, with seedDST = "Seed-" || contextString */
export const seedTranscript = (bm: Uint8Array): Buffer => framed(bm, DST.seed);

/** I2OSP(len(seed), 2) || seed || I2OSP(i, 2) || I2OSP(len(Ci), 2) || Ci || I2OSP(len(Di), 2) || Di || "Composite" */
export const compositeTranscript = (seed: Uint8Array, i: number, ci: Uint8Array, di: Uint8Array): Buffer =>
  Buffer.concat([framed(seed), i2osp2(i), framed(ci, di), LABEL.composite]);

/** Bm, a0 = M, a1 = Z, a2 = t2, a3 = t3, each framed, then "Challenge" */
export const challengeTranscript = (...elements: Uint8Array[]): Buffer =>
  Buffer.concat([framed(...elements), LABEL.challenge]);

/** I2OSP(len(input), 2) || input || I2OSP(len(info), 2) || info || I2OSP(len(N), 2) || N || "Finalize" */
export const finalizeInput = (input: Uint8Array, info: Uint8Array, unblinded: Uint8Array): Buffer =>
  Buffer.concat([framed(input, info, unblinded), LABEL.finalize]);

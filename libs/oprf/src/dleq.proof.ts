import { sha512 } from './expand-message-xmd';
import { OprfError } from './oprf.errors';
import { SCALAR_BYTES } from './poprf.suite';
import { challengeTranscript, compositeTranscript, seedTranscript } from './poprf.transcript';
import { IDENTITY, type Ristretto255 } from './ristretto255.sodium';

/*
 * The discrete-log-equality proof of RFC 9497 section 2.2, step for step: it shows that
 * k = log_A(B) = log_C[i](D[i]) for every i without revealing k. In POPRF mode (section 3.3.3)
 * A is the generator, B the tweaked key t * G, C the evaluated and D the blinded elements.
 */

export interface DleqStatement {
  /** B = k * A, the key the proof is checked against. */
  b: Uint8Array;
  c: readonly Uint8Array[];
  d: readonly Uint8Array[];
}

interface Composites {
  m: Uint8Array;
  z: Uint8Array;
}

/** The per-element weights d_i of ComputeComposites(Fast) and M = sum d_i * C[i]. */
function compositeWeights(group: Ristretto255, { b, c, d }: DleqStatement): { weights: Uint8Array[]; m: Uint8Array } {
  const seed = sha512(seedTranscript(b));
  let m = IDENTITY;
  const weights = c.map((ci, i) => {
    const di = group.hashToScalar(compositeTranscript(seed, i, ci, d[i]));
    m = group.add(group.multiply(di, ci), m);
    return di;
  });
  return { weights, m };
}

/** Section 2.2.1 ComputeCompositesFast: the prover, knowing k, takes Z = k * M. */
function computeCompositesFast(group: Ristretto255, k: Uint8Array, statement: DleqStatement): Composites {
  const { m } = compositeWeights(group, statement);
  return { m, z: group.multiply(k, m) };
}

/** Section 2.2.2 ComputeComposites: the verifier sums Z = sum d_i * D[i] itself. */
function computeComposites(group: Ristretto255, statement: DleqStatement): Composites {
  const { weights, m } = compositeWeights(group, statement);
  const z = weights.reduce((sum, di, i) => group.add(group.multiply(di, statement.d[i]), sum), IDENTITY);
  return { m, z };
}

/** GenerateProof(k, A = G, B, C, D) with r given: proof = c || s, s = r - c * k. */
export function generateProof(group: Ristretto255, k: Uint8Array, statement: DleqStatement, r: Uint8Array): Uint8Array {
  const { m, z } = computeCompositesFast(group, k, statement);
  const t2 = group.multiplyBase(r);
  const t3 = group.multiply(r, m);
  const c = group.hashToScalar(challengeTranscript(statement.b, m, z, t2, t3));
  const s = group.scalarSub(r, group.scalarMul(c, k));
  return Buffer.concat([c, s]);
}

/** VerifyProof(A = G, B, C, D, proof); the proof's scalars were checked canonical at the boundary. */
export function verifyProof(group: Ristretto255, statement: DleqStatement, proof: Uint8Array): void {
  const { m, z } = computeComposites(group, statement);
  const c = proof.subarray(0, SCALAR_BYTES);
  const s = proof.subarray(SCALAR_BYTES);
  const t2 = group.add(group.multiplyBase(s), group.multiply(c, statement.b));
  const t3 = group.add(group.multiply(s, m), group.multiply(c, z));
  const expectedC = group.hashToScalar(challengeTranscript(statement.b, m, z, t2, t3));
  if (!Buffer.from(expectedC).equals(c)) {
    throw new OprfError('proof-mismatch', 'the server proof does not verify against the tweaked key');
  }
}

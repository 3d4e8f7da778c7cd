import type { RandomScalar } from './random-scalar';

/*
 * RFC 9497 POPRF mode (modeID 0x02), ristretto255-SHA512: the client (a checking node) blinds a
 * private input; the server (the hub's databases service) evaluates it with its key and a public
 * `info` (the issuing country) and proves it did so with the key it published; the client
 * verifies and unblinds to a 64-byte output. All bytes are the RFC's serializations: elements and
 * scalars 32 bytes, proofs 64, outputs 64.
 */

export interface KeyPair {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

export interface DeriveKeyPairParams {
  /** 32 bytes of secret seed. */
  seed: Uint8Array;
  /** Public key information (at most 2^16 - 1 bytes), e.g. the key's purpose and epoch. */
  keyInfo: Uint8Array;
}

export interface BlindParams {
  input: Uint8Array;
  info: Uint8Array;
  serverPublicKey: Uint8Array;
  /** Only to replay published vectors; the default draws from the system. */
  randomScalar?: RandomScalar;
}

export interface BlindResult {
  /** Kept by the client until it finalizes; never sent. */
  blind: Uint8Array;
  blindedElement: Uint8Array;
  /** pkS + G * HashToScalar("Info" || info): the key the server's proof is checked against. */
  tweakedKey: Uint8Array;
}

export interface BlindEvaluateParams {
  serverSecretKey: Uint8Array;
  blindedElement: Uint8Array;
  info: Uint8Array;
  /** The proof's random scalar r; only to replay published vectors. */
  randomScalar?: RandomScalar;
}

export interface BlindEvaluateResult {
  evaluatedElement: Uint8Array;
  proof: Uint8Array;
}

export interface BlindEvaluateBatchParams extends Omit<BlindEvaluateParams, 'blindedElement'> {
  blindedElements: readonly Uint8Array[];
}

export interface BlindEvaluateBatchResult {
  evaluatedElements: Uint8Array[];
  /** One proof for the whole batch. */
  proof: Uint8Array;
}

export interface FinalizeItem {
  input: Uint8Array;
  blind: Uint8Array;
  evaluatedElement: Uint8Array;
  blindedElement: Uint8Array;
}

export interface FinalizeParams extends FinalizeItem {
  proof: Uint8Array;
  info: Uint8Array;
  tweakedKey: Uint8Array;
}

export interface FinalizeBatchParams {
  items: readonly FinalizeItem[];
  proof: Uint8Array;
  info: Uint8Array;
  tweakedKey: Uint8Array;
}

export interface EvaluateParams {
  serverSecretKey: Uint8Array;
  input: Uint8Array;
  info: Uint8Array;
}

export type PoprfImplementation = 'reference' | 'sodium';

/** One interface, two implementations that must agree byte for byte (poprf.equivalence.spec.ts). */
export interface Poprf {
  readonly implementation: PoprfImplementation;
  // Properties, not methods: each may be passed around unbound.
  generateKeyPair: (options?: { randomScalar?: RandomScalar }) => KeyPair;
  deriveKeyPair: (params: DeriveKeyPairParams) => KeyPair;
  blind: (params: BlindParams) => BlindResult;
  blindEvaluate: (params: BlindEvaluateParams) => BlindEvaluateResult;
  blindEvaluateBatch: (params: BlindEvaluateBatchParams) => BlindEvaluateBatchResult;
  /** Verifies the proof against `tweakedKey` before unblinding; refuses with `proof-mismatch`. */
  finalize: (params: FinalizeParams) => Uint8Array;
  finalizeBatch: (params: FinalizeBatchParams) => Uint8Array[];
  /** The server alone, knowing the input: equals what finalize yields for the same input and info. */
  evaluate: (params: EvaluateParams) => Uint8Array;
}

type BatchOperations = Pick<Poprf, 'blindEvaluateBatch' | 'finalizeBatch'>;

/** BlindEvaluate and Finalize are the batch operations with one element (RFC 9497 section 3.3.3). */
export function withSingleOperations(
  batch: BatchOperations,
): BatchOperations & Pick<Poprf, 'blindEvaluate' | 'finalize'> {
  return {
    ...batch,
    blindEvaluate: ({ blindedElement, ...rest }) => {
      const { evaluatedElements, proof } = batch.blindEvaluateBatch({ ...rest, blindedElements: [blindedElement] });
      return { evaluatedElement: evaluatedElements[0], proof };
    },
    finalize: ({ input, blind, evaluatedElement, blindedElement, ...rest }) =>
      batch.finalizeBatch({ ...rest, items: [{ input, blind, evaluatedElement, blindedElement }] })[0],
  };
}

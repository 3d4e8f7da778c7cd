import type { KeyObject } from 'node:crypto';
import type { ParsedEnvelope } from './envelope.parser';
import { verifyJwsSignature } from './jws-signature.verifier';

/** Checks the sender's Ed25519 signature; the caller chose publicKey from the certificate for payload.from. */
// eslint-disable-next-line @typescript-eslint/require-await -- async keeps the contract: every refusal rejects
export async function verifyEnvelopeSignature(parsed: ParsedEnvelope, publicKey: KeyObject): Promise<void> {
  verifyJwsSignature(parsed.jws, publicKey, `envelope ${parsed.payload.id}`);
}

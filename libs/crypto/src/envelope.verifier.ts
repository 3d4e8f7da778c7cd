import type { KeyObject } from 'node:crypto';
import type { ParsedEnvelope } from './envelope.parser';
import { verifyJwsSignature } from './jws-signature.verifier';

/** Checks the sender's Ed25519 signature; the caller chose publicKey from the certificate for payload.from. */
export async function verifyEnvelopeSignature(parsed: ParsedEnvelope, publicKey: KeyObject): Promise<void> {
  await verifyJwsSignature(parsed.jws, publicKey, `envelope ${parsed.payload.id}`);
}

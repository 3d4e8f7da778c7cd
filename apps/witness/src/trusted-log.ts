import { NOTE_SIGNATURE_TYPE, parseVerifierKey, verifierFromKey, type TrustedLog } from '@bureaunet/witness';

/** A log a witness follows, from its Ed25519 (0x01) vkey; the key's name is the log's origin. */
export function trustedLogFromKey(variable: string, vkey: string): TrustedLog {
  let key;
  try {
    key = parseVerifierKey(vkey);
  } catch (error) {
    throw new Error(`${variable}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (key.type !== NOTE_SIGNATURE_TYPE.ed25519)
    throw new Error(`${variable}: log key ${key.name} is not an Ed25519 (0x01) note key`);
  return { origin: key.name, verifiers: [verifierFromKey(vkey)] };
}

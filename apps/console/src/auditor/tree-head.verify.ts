import { bytesFromBase64, concatBytes, derFromPem } from './bytes.codec';
import { HASH_SIZE, type ProofCheck } from './merkle.verify';

/**
 * The signed tree head as docs/ledger.md defines it: Ed25519 over RFC 6962 §3.5
 * TreeHeadSignature (50 bytes), wrapped in a TLS DigitallySigned (0x08 0x07, uint16 64, signature).
 * Verified in the browser with Web Crypto against a public key the auditor holds.
 */

/** The get-sth JSON. */
export interface SignedTreeHeadJson {
  tree_size: number;
  timestamp: number;
  sha256_root_hash: string;
  tree_head_signature: string;
}

const SIGNATURE_SIZE = 64;

/** The 50 bytes the gateway signs: version 0, type tree_hash, timestamp, size, root. */
export function treeHeadSignedBytes(head: { treeSize: number; timestamp: number; rootHash: Uint8Array }) {
  const prefix = new Uint8Array(18);
  const view = new DataView(prefix.buffer);
  prefix[0] = 0x00;
  prefix[1] = 0x01;
  view.setBigUint64(2, BigInt(head.timestamp));
  view.setBigUint64(10, BigInt(head.treeSize));
  return concatBytes(prefix, head.rootHash);
}

/** The Ed25519 signature inside a DigitallySigned, or why it is not one the gateway makes. */
export function signatureOf(digitallySigned: Uint8Array): Uint8Array<ArrayBuffer> | string {
  if (digitallySigned.length !== 4 + SIGNATURE_SIZE)
    return `the signature structure has ${digitallySigned.length} bytes, not ${4 + SIGNATURE_SIZE}`;
  if (digitallySigned[0] !== 0x08 || digitallySigned[1] !== 0x07)
    return `the signature algorithm is ${digitallySigned[0]}/${digitallySigned[1]}, not ed25519 (8/7)`;
  const length = (digitallySigned[2] << 8) | digitallySigned[3];
  if (length !== SIGNATURE_SIZE) return `the signature length is ${length}, not ${SIGNATURE_SIZE}`;
  return concatBytes(digitallySigned.subarray(4));
}

/** An Ed25519 public key for verifying, from its SPKI PEM (as get-key or a pinned file gives it). */
export function importTreeHeadKey(spkiPem: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('spki', concatBytes(derFromPem(spkiPem, 'PUBLIC KEY')), { name: 'Ed25519' }, false, [
    'verify',
  ]);
}

/** Is this head well formed and signed by this key? Says why not. */
export async function verifyTreeHead(head: SignedTreeHeadJson, key: CryptoKey): Promise<ProofCheck> {
  let rootHash: Uint8Array;
  let digitallySigned: Uint8Array;
  try {
    rootHash = bytesFromBase64(head.sha256_root_hash);
    digitallySigned = bytesFromBase64(head.tree_head_signature);
  } catch (error) {
    return { ok: false, code: 'bad-encoding', reason: (error as Error).message };
  }
  if (rootHash.length !== HASH_SIZE)
    return { ok: false, code: 'bad-hash-length', reason: `the root hash has ${rootHash.length} bytes, not 32` };
  if (!Number.isSafeInteger(head.tree_size) || head.tree_size < 0 || !Number.isSafeInteger(head.timestamp))
    return { ok: false, code: 'bad-tree-head', reason: 'tree_size and timestamp must be non-negative integers' };
  const signature = signatureOf(digitallySigned);
  if (typeof signature === 'string') return { ok: false, code: 'bad-signature-format', reason: signature };
  const signed = treeHeadSignedBytes({ treeSize: head.tree_size, timestamp: head.timestamp, rootHash });
  const valid = await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, signed);
  return valid
    ? { ok: true }
    : {
        ok: false,
        code: 'signature-invalid',
        reason: `the signature does not hold for size ${head.tree_size}, timestamp ${head.timestamp} and this root under the key`,
      };
}

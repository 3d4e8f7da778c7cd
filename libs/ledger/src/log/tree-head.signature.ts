import { sign, verify, type KeyObject } from 'node:crypto';
import { HASH_SIZE } from '../merkle';
import { LedgerLogError } from './ledger-log.errors';

/** What a signed tree head commits to. */
export interface TreeHead {
  treeSize: number;
  /** Milliseconds since the epoch. */
  timestamp: number;
  rootHash: Buffer;
}

/** RFC 6962 section 3.2: Version v1(0); SignatureType tree_hash(1). */
const VERSION_V1 = 0;
const SIGNATURE_TYPE_TREE_HASH = 1;
const TREE_HEAD_SIGNATURE_INPUT_LENGTH = 1 + 1 + 8 + 8 + HASH_SIZE;

/**
 * RFC 5246 SignatureAndHashAlgorithm for Ed25519, as RFC 8422 section 5.1.3 defines it:
 * HashAlgorithm intrinsic(8), SignatureAlgorithm ed25519(7). The same two bytes are TLS 1.3's
 * SignatureScheme ed25519 (0x0807).
 */
const ED25519_SIGNATURE_AND_HASH = Object.freeze([0x08, 0x07] as const);
const ED25519_SIGNATURE_LENGTH = 64;

/**
 * The bytes that are signed: RFC 6962 section 3.5's TreeHeadSignature,
 * version(1) || signature_type(1) || uint64 timestamp || uint64 tree_size || sha256_root_hash[32],
 * integers big-endian. 50 bytes.
 */
export function treeHeadSignatureInput(head: TreeHead): Buffer {
  assertTreeHead(head);
  const bytes = Buffer.alloc(TREE_HEAD_SIGNATURE_INPUT_LENGTH);
  bytes.writeUInt8(VERSION_V1, 0);
  bytes.writeUInt8(SIGNATURE_TYPE_TREE_HASH, 1);
  bytes.writeBigUInt64BE(BigInt(head.timestamp), 2);
  bytes.writeBigUInt64BE(BigInt(head.treeSize), 10);
  head.rootHash.copy(bytes, 18);
  return bytes;
}

/** RFC 5246 section 4.7 DigitallySigned: algorithm(2) || uint16 length || signature. */
export function encodeDigitallySigned(signature: Buffer): Buffer {
  const length = Buffer.alloc(2);
  length.writeUInt16BE(signature.length);
  return Buffer.concat([Buffer.from(ED25519_SIGNATURE_AND_HASH), length, signature]);
}

/** The Ed25519 signature inside a DigitallySigned structure; refuses any other algorithm. */
export function decodeDigitallySigned(encoded: Buffer): Buffer {
  const refuse = (why: string): never => {
    throw new LedgerLogError('bad-signature-encoding', `tree_head_signature refused: ${why}`);
  };
  if (encoded.length < 4) return refuse(`${encoded.length} bytes is shorter than a DigitallySigned header`);
  if (encoded[0] !== ED25519_SIGNATURE_AND_HASH[0] || encoded[1] !== ED25519_SIGNATURE_AND_HASH[1]) {
    return refuse(`algorithm 0x${encoded.subarray(0, 2).toString('hex')} is not ed25519 (0x0807)`);
  }
  const length = encoded.readUInt16BE(2);
  if (length !== ED25519_SIGNATURE_LENGTH)
    return refuse(`signature length ${length}, expected ${ED25519_SIGNATURE_LENGTH}`);
  if (encoded.length !== 4 + length)
    return refuse(`${encoded.length - 4} signature bytes follow a length of ${length}`);
  return encoded.subarray(4);
}

/** base64 of the DigitallySigned Ed25519 signature over treeHeadSignatureInput(head). */
export function signTreeHead(head: TreeHead, privateKey: KeyObject): string {
  assertEd25519(privateKey);
  return encodeDigitallySigned(sign(null, treeHeadSignatureInput(head), privateKey)).toString('base64');
}

/** Throws unless `signatureBase64` is this key's signature over this head. */
export function verifyTreeHeadSignature(head: TreeHead, signatureBase64: string, publicKey: KeyObject): void {
  assertEd25519(publicKey);
  const signature = decodeDigitallySigned(Buffer.from(signatureBase64, 'base64'));
  if (!verify(null, treeHeadSignatureInput(head), publicKey, signature)) {
    throw new LedgerLogError(
      'signature-invalid',
      `the signature over tree head (size ${head.treeSize}, timestamp ${head.timestamp}, root ${head.rootHash.toString('base64')}) does not verify with the given key`,
    );
  }
}

function assertTreeHead(head: TreeHead): void {
  if (!Number.isSafeInteger(head.treeSize) || head.treeSize < 0)
    throw new LedgerLogError('bad-tree-head', `tree size ${head.treeSize} is not a non-negative integer`);
  if (!Number.isSafeInteger(head.timestamp) || head.timestamp < 0)
    throw new LedgerLogError('bad-tree-head', `timestamp ${head.timestamp} is not a non-negative integer`);
  if (head.rootHash.length !== HASH_SIZE)
    throw new LedgerLogError('bad-tree-head', `root hash has ${head.rootHash.length} bytes, expected ${HASH_SIZE}`);
}

function assertEd25519(key: KeyObject): void {
  if (key.asymmetricKeyType !== 'ed25519')
    throw new LedgerLogError(
      'bad-tree-head',
      `tree heads are signed with Ed25519, not ${key.asymmetricKeyType ?? 'a symmetric key'}`,
    );
}

import { createPrivateKey, generateKeyPair, verify, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { hashLeaf } from '../merkle';
import { LedgerLogError } from './ledger-log.errors';
import { parseSignedTreeHeadJson, toSignedTreeHeadJson } from './signed-tree-head.json';
import {
  decodeDigitallySigned,
  encodeDigitallySigned,
  signTreeHead,
  treeHeadSignatureInput,
  verifyTreeHeadSignature,
  type TreeHead,
} from './tree-head.signature';

const ed25519 = () => promisify(generateKeyPair)('ed25519');

describe('signed tree heads (RFC 6962 section 3.5, Ed25519, TLS DigitallySigned)', () => {
  let keys: { privateKey: KeyObject; publicKey: KeyObject };
  let other: { privateKey: KeyObject; publicKey: KeyObject };
  const head: TreeHead = {
    treeSize: 1_234_567,
    timestamp: 1_795_623_103_670,
    rootHash: hashLeaf(Buffer.from('root stand-in')),
  };

  beforeAll(async () => {
    [keys, other] = await Promise.all([ed25519(), ed25519()]);
  });

  it('signs exactly the TreeHeadSignature structure, built here by hand and checked with node:crypto alone', () => {
    // An independent transcription of the RFC: no code of the module under test builds these bytes.
    const expected = Buffer.alloc(50);
    expected[0] = 0; // Version v1
    expected[1] = 1; // SignatureType tree_hash
    expected.writeBigUInt64BE(1_795_623_103_670n, 2); // uint64 timestamp, milliseconds
    expected.writeBigUInt64BE(1_234_567n, 10); // uint64 tree_size
    head.rootHash.copy(expected, 18); // opaque sha256_root_hash[32]
    expect(treeHeadSignatureInput(head).toString('hex')).toBe(expected.toString('hex'));

    const digitallySigned = Buffer.from(signTreeHead(head, keys.privateKey), 'base64');
    expect(digitallySigned).toHaveLength(68);
    expect([...digitallySigned.subarray(0, 4)]).toEqual([0x08, 0x07, 0x00, 0x40]); // intrinsic(8), ed25519(7), uint16 length 64
    expect(verify(null, expected, keys.publicKey, digitallySigned.subarray(4))).toBe(true);
  });

  it('reproduces the worked example of docs/ledger.md (RFC 8032 test key 1: Ed25519 is deterministic)', () => {
    const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
    const privateKey = createPrivateKey({
      key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
      format: 'der',
      type: 'pkcs8',
    });
    const leafInput = Buffer.from(
      '{"at":"2026-11-25T10:00:00.000Z","envelopeId":"01936f0e-4c1a-7b2e-9f00-0123456789ab","policyVersion":1,"to":"MR","type":"delivery"}',
    );
    const example: TreeHead = { treeSize: 1, timestamp: 1_795_600_800_000, rootHash: hashLeaf(leafInput) };
    expect(example.rootHash.toString('hex')).toBe('50d3209721da9cc9c6115c67c2a079affa9d0aeeecd173ef48d84ffad17f409a');
    expect(treeHeadSignatureInput(example).toString('hex')).toBe(
      '0001000001a21225d900000000000000000150d3209721da9cc9c6115c67c2a079affa9d0aeeecd173ef48d84ffad17f409a',
    );
    expect(signTreeHead(example, privateKey)).toBe(
      'CAcAQLV6LC5JOBXw0FhOPlbyEzXTnMKv9C379OlfA7Zfbu45QssdulTsmomQtUWgqduFmKF58ETFEa7xvyleP2hCzgg=',
    );
  });

  it('verifies its own signature and refuses a changed size, timestamp or root, and another key', () => {
    const signature = signTreeHead(head, keys.privateKey);
    expect(() => verifyTreeHeadSignature(head, signature, keys.publicKey)).not.toThrow();
    const changed: TreeHead[] = [
      { ...head, treeSize: head.treeSize + 1 },
      { ...head, timestamp: head.timestamp - 1 },
      { ...head, rootHash: hashLeaf(Buffer.from('another root')) },
    ];
    for (const forged of changed) {
      expect(() => verifyTreeHeadSignature(forged, signature, keys.publicKey)).toThrow(
        expect.objectContaining({ code: 'signature-invalid' }),
      );
    }
    expect(() => verifyTreeHeadSignature(head, signature, other.publicKey)).toThrow(
      expect.objectContaining({ code: 'signature-invalid' }),
    );
  });

  it('refuses DigitallySigned structures with another algorithm, a wrong length or trailing bytes', () => {
    const signature = Buffer.from(signTreeHead(head, keys.privateKey), 'base64');
    const refused = (bytes: Buffer, why: RegExp) => {
      expect(() => decodeDigitallySigned(bytes)).toThrow(LedgerLogError);
      expect(() => decodeDigitallySigned(bytes)).toThrow(why);
    };
    refused(Buffer.concat([Buffer.from([0x04, 0x03]), signature.subarray(2)]), /0x0403 is not ed25519/);
    refused(Buffer.concat([signature, Buffer.from([0])]), /65 signature bytes follow a length of 64/);
    refused(encodeDigitallySigned(signature.subarray(4, 36)), /signature length 32, expected 64/);
    refused(signature.subarray(0, 3), /shorter than a DigitallySigned header/);
    expect(decodeDigitallySigned(signature).equals(signature.subarray(4))).toBe(true);
  });

  it('refuses heads that do not fit the structure, and keys that are not Ed25519', async () => {
    expect(() => treeHeadSignatureInput({ ...head, treeSize: -1 })).toThrow(
      expect.objectContaining({ code: 'bad-tree-head' }),
    );
    expect(() => treeHeadSignatureInput({ ...head, rootHash: Buffer.alloc(31) })).toThrow(/31 bytes, expected 32/);
    const { privateKey } = await promisify(generateKeyPair)('ec', { namedCurve: 'P-256' });
    expect(() => signTreeHead(head, privateKey)).toThrow(/Ed25519, not ec/);
  });

  it('round-trips the get-sth JSON and names what is wrong with a malformed one', () => {
    const json = toSignedTreeHeadJson(head, signTreeHead(head, keys.privateKey));
    expect(json).toEqual({
      tree_size: head.treeSize,
      timestamp: head.timestamp,
      sha256_root_hash: head.rootHash.toString('base64'),
      tree_head_signature: json.tree_head_signature,
    });
    const parsed = parseSignedTreeHeadJson(JSON.parse(JSON.stringify(json)));
    expect(parsed.head).toEqual(head);
    expect(() => parseSignedTreeHeadJson({ ...json, tree_size: 1.5 })).toThrow(
      /tree_size 1.5 is not a non-negative integer/,
    );
    expect(() => parseSignedTreeHeadJson({ ...json, sha256_root_hash: 'AAAA' })).toThrow(/3 bytes, expected 32/);
    expect(() => parseSignedTreeHeadJson({ ...json, tree_head_signature: 'not base64!' })).toThrow(/not base64/);
    expect(() => parseSignedTreeHeadJson(null)).toThrow(/not a JSON object/);
  });
});

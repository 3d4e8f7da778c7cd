import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { importTreeHeadKey, verifyTreeHead, type SignedTreeHeadJson } from './tree-head.verify';

// docs/ledger.md's worked example: RFC 8032 test key 1 signs the 1-leaf tree; Ed25519 is
// deterministic, so the signature there is the one to verify here.
const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
const privateKey = createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
  format: 'der',
  type: 'pkcs8',
});
const publicPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
const example: SignedTreeHeadJson = {
  tree_size: 1,
  timestamp: 1_795_600_800_000,
  sha256_root_hash: Buffer.from('50d3209721da9cc9c6115c67c2a079affa9d0aeeecd173ef48d84ffad17f409a', 'hex').toString(
    'base64',
  ),
  tree_head_signature: 'CAcAQLV6LC5JOBXw0FhOPlbyEzXTnMKv9C379OlfA7Zfbu45QssdulTsmomQtUWgqduFmKF58ETFEa7xvyleP2hCzgg=',
};

function withSignatureByte(index: number, value: (old: number) => number): string {
  const bytes = Buffer.from(example.tree_head_signature, 'base64');
  bytes[index] = value(bytes[index]);
  return bytes.toString('base64');
}

describe('tree-head.verify (Web Crypto Ed25519)', () => {
  let key: CryptoKey;
  beforeAll(async () => {
    key = await importTreeHeadKey(publicPem);
  });

  it('verifies the worked example of docs/ledger.md', async () => {
    expect(publicPem).toContain('BEGIN PUBLIC KEY');
    expect(await verifyTreeHead(example, key)).toEqual({ ok: true });
  });

  it.each<[string, Partial<SignedTreeHeadJson>, string]>([
    ['another size', { tree_size: 2 }, 'signature-invalid'],
    ['another timestamp', { timestamp: example.timestamp + 1 }, 'signature-invalid'],
    ['another root', { sha256_root_hash: Buffer.alloc(32, 7).toString('base64') }, 'signature-invalid'],
    ['a short root', { sha256_root_hash: Buffer.alloc(31).toString('base64') }, 'bad-hash-length'],
    ['a signature bit flipped', { tree_head_signature: withSignatureByte(10, (b) => b ^ 1) }, 'signature-invalid'],
    ['another algorithm', { tree_head_signature: withSignatureByte(1, () => 3) }, 'bad-signature-format'],
    ['another length', { tree_head_signature: withSignatureByte(3, () => 0x3f) }, 'bad-signature-format'],
    [
      'trailing bytes',
      {
        tree_head_signature: Buffer.concat([
          Buffer.from(example.tree_head_signature, 'base64'),
          Buffer.from([0]),
        ]).toString('base64'),
      },
      'bad-signature-format',
    ],
    ['not base64', { tree_head_signature: 'CAcAQL*' }, 'bad-encoding'],
  ])('fails %s', async (_name, change, expected) => {
    const result = await verifyTreeHead({ ...example, ...change }, key);
    expect(result.ok ? 'ok' : result.code).toBe(expected);
  });

  it('fails under another key', async () => {
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const result = await verifyTreeHead(example, await importTreeHeadKey(other));
    expect(result.ok ? 'ok' : result.code).toBe('signature-invalid');
  });
});

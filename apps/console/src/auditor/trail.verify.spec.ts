import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { Trail } from './auditor.api';
import { importTreeHeadKey } from './tree-head.verify';
import { verifyTrail } from './trail.verify';

// docs/ledger.md's worked example as a one-entry trail: the entry is the whole tree, so its leaf
// hash is the signed root and its audit path is empty.
const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
const publicPem = createPublicKey(
  createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  }),
)
  .export({ type: 'spki', format: 'pem' })
  .toString();
const leafInput =
  '{"at":"2026-11-25T10:00:00.000Z","envelopeId":"01936f0e-4c1a-7b2e-9f00-0123456789ab","policyVersion":1,"to":"MR","type":"delivery"}';
const leafHash = Buffer.from('50d3209721da9cc9c6115c67c2a079affa9d0aeeecd173ef48d84ffad17f409a', 'hex').toString(
  'base64',
);

function trail(): Trail {
  return {
    message_id: '01936f0e-4c1a-7b2e-9f00-0123456789ab',
    sth: {
      tree_size: 1,
      timestamp: 1_795_600_800_000,
      sha256_root_hash: leafHash,
      tree_head_signature:
        'CAcAQLV6LC5JOBXw0FhOPlbyEzXTnMKv9C379OlfA7Zfbu45QssdulTsmomQtUWgqduFmKF58ETFEa7xvyleP2hCzgg=',
    },
    entries: [
      {
        leaf_index: 0,
        leaf_input: Buffer.from(leafInput).toString('base64'),
        leaf_hash: leafHash,
        entry: JSON.parse(leafInput) as Record<string, unknown>,
        audit_path: [],
      },
    ],
  };
}

const codes = (verdict: Awaited<ReturnType<typeof verifyTrail>>) => ({
  head: verdict.head.ok ? 'ok' : verdict.head.code,
  entries: verdict.entries.map(({ leaf, inclusion }) => [
    leaf.ok ? 'ok' : leaf.code,
    inclusion.ok ? 'ok' : inclusion.code,
  ]),
  verified: verdict.verified,
});

describe('verifyTrail', () => {
  let key: CryptoKey;
  beforeAll(async () => {
    key = await importTreeHeadKey(publicPem);
  });

  it('verifies the worked example', async () => {
    expect(codes(await verifyTrail(trail(), key))).toEqual({ head: 'ok', entries: [['ok', 'ok']], verified: true });
  });

  it('fails an entry whose bytes changed, from the hash it computes rather than the one sent', async () => {
    const changed = trail();
    changed.entries[0].leaf_input = Buffer.from(leafInput.replace('"MR"', '"FR"')).toString('base64');
    expect(codes(await verifyTrail(changed, key))).toEqual({
      head: 'ok',
      entries: [['leaf-hash-mismatch', 'inclusion-mismatch']],
      verified: false,
    });
  });

  it('fails an entry about another message, and a proof with a hash too many', async () => {
    const other = trail();
    other.message_id = 'another-message';
    expect(codes(await verifyTrail(other, key)).entries).toEqual([['not-about-message', 'ok']]);
    const longer = trail();
    longer.entries[0].audit_path = [leafHash];
    expect(codes(await verifyTrail(longer, key)).entries).toEqual([['ok', 'bad-proof-length']]);
  });

  it('fails a head the key did not sign, and an empty trail is never verified', async () => {
    const moved = trail();
    moved.sth.timestamp += 1;
    expect(codes(await verifyTrail(moved, key))).toMatchObject({ head: 'signature-invalid', verified: false });
    const empty = trail();
    empty.entries = [];
    expect((await verifyTrail(empty, key)).verified).toBe(false);
  });
});

import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { signDeliveryReport, sealEnvelope, type EnvelopeDecryptionKey, type SealedEnvelope } from '@bureaunet/crypto';
import { encodeLedgerEntry } from '@bureaunet/ledger';
import { createTimestampRequest, tokenFromResponse } from '@bureaunet/timestamp';
import { cosignatureSigner, ed25519NoteSigner, formatCheckpoint, parseSignedNote, signNote } from '@bureaunet/witness';
import {
  createTestBureau,
  testPayloadHeader,
  testReceiptHeader,
  type TestBureau,
} from '../../../crypto/src/testing/test-bureau.fixture';
import { createTestCa, issueTestCertificate, type TestCa } from '../../../crypto/src/testing/test-pki.fixture';
import { referencePath, referenceRoot } from '../../../ledger/src/merkle/merkle-tree.reference';
import { createOpensslTsa } from '../../../timestamp/src/testing/openssl-tsa';
import { signCertificateStatus } from '../certificate-status.statement';
import type { EvidenceBundle } from '../evidence-bundle.schema';
import type { EvidenceVerifierOptions } from '../evidence.verifier';
import { unwrapContentKey, type JweContent } from '../content-key';
import { certificateFingerprint } from '../trusted-certificates';

export const LOG_ORIGIN = 'gateway.bureaunet.test/ledger';
export const POLICY_TEXT =
  'permit (principal, action == Action::"deliver", resource) when { resource.kind == "diffusion" };\n';
export const POLICY_VERSION = 3;

export interface TestSigner {
  code: string;
  key: KeyObject;
  kid: string;
  pem: string;
}

export interface TestWitness {
  name: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** Everything a real exchange leaves behind, made with real keys, and the bundle about it. */
export interface EvidenceWorld {
  ca: TestCa;
  registry: TestSigner;
  gateway: TestSigner;
  sender: TestSigner;
  recipients: TestSigner[];
  witnesses: TestWitness[];
  envelope: SealedEnvelope;
  body: unknown;
  recipientKey: EnvelopeDecryptionKey;
  at: Date;
  bundle: EvidenceBundle;
  options: EvidenceVerifierOptions;
  /** A registry statement that the sender's certificate was revoked a second before it signed. */
  senderRevoked: string;
  /** The CA of the throw-away TSA that time-stamped the checkpoint (openssl ts -reply). */
  tsaCa: string;
}

const HOUR = 3_600_000;

async function signerFor(ca: TestCa, code: string, key?: KeyObject, publicKey?: KeyObject): Promise<TestSigner> {
  const pair = key && publicKey ? { privateKey: key, publicKey } : generateKeyPairSync('ed25519');
  const { pem, certificate } = await issueTestCertificate(ca, { code, publicKey: pair.publicKey });
  return { code, key: pair.privateKey, kid: certificateFingerprint(certificate), pem };
}

async function bureauSigner(ca: TestCa, bureau: TestBureau): Promise<TestSigner> {
  return signerFor(ca, bureau.code, bureau.keys.signing.privateKey, bureau.keys.signing.publicKey);
}

export function testWitness(name: string): TestWitness {
  return { name, ...generateKeyPairSync('ed25519') };
}

export async function createEvidenceWorld(): Promise<EvidenceWorld> {
  const ca = await createTestCa();
  const [dk, mr, fr] = await Promise.all(['DK', 'MR', 'FR'].map(createTestBureau));
  if (!dk || !mr || !fr) throw new Error('test bureaus');
  const [registry, gateway, sender, ...recipients] = await Promise.all([
    signerFor(ca, 'XR'),
    signerFor(ca, 'XG'),
    ...[dk, mr, fr].map((bureau) => bureauSigner(ca, bureau)),
  ]);
  if (!registry || !gateway || !sender) throw new Error('test signers');
  const body = { text: 'Wanted person seen at the border', reference: 'DK-2026-0042' };
  const envelope = await sealEnvelope({
    payload: testPayloadHeader(dk, [mr, fr]),
    body,
    recipients: [mr.recipientKey, fr.recipientKey],
    signer: { kid: sender.kid, key: sender.key },
  });
  const at = new Date(envelope.payload.createdAt);
  const receipts = await Promise.all(
    [mr, fr].map((bureau, index) =>
      sealEnvelope({
        payload: testReceiptHeader(bureau, dk, { id: envelope.payload.id, digest: envelope.digest }),
        recipients: [],
        signer: { kid: recipients[index]?.kid ?? '', key: bureau.keys.signing.privateKey },
      }),
    ),
  );
  const report = await signDeliveryReport(
    {
      v: 1,
      kind: 'delivery-report',
      envelopeId: envelope.payload.id,
      envelopeDigest: envelope.digest,
      to: 'DK',
      createdAt: at.toISOString(),
      status: 'accepted',
      recipients: [
        { code: 'MR', status: 'delivered' },
        { code: 'FR', status: 'delivered' },
      ],
    },
    { kid: gateway.kid, key: gateway.key },
  );
  const statuses = await Promise.all(
    [gateway, sender, ...recipients].map((signer) =>
      signCertificateStatus(
        {
          code: signer.code,
          fingerprint: signer.kid,
          status: 'good',
          asOf: new Date(at.getTime() - HOUR).toISOString(),
          expiresAt: new Date(at.getTime() + 23 * HOUR).toISOString(),
        },
        { kid: registry.kid, key: registry.key },
      ),
    ),
  );
  const senderRevoked = await signCertificateStatus(
    {
      code: 'DK',
      fingerprint: sender.kid,
      status: 'revoked',
      asOf: new Date(at.getTime() - 1000).toISOString(),
      expiresAt: new Date(at.getTime() + 24 * HOUR).toISOString(),
    },
    { kid: registry.kid, key: registry.key },
  );
  const cek = unwrapContentKey(envelope.payload.content as JweContent, {
    kid: mr.recipientKey.kid,
    privateKey: mr.decryptionKey.privateKey,
  });
  const ledger = ledgerFor(envelope, receipts, at);
  const witnesses = ['witness.bureaunet.test/dk', 'dpa.example/witness', 'court.example/witness'].map(testWitness);
  const checkpoint = cosignedCheckpoint(ledger.root, ledger.size, gateway, witnesses, at);
  const timestamp = await timestampCheckpoint(checkpoint);
  const bundle: EvidenceBundle = {
    format: 'bureaunet-evidence/1',
    message_id: envelope.payload.id,
    created_at: new Date(at.getTime() + 60_000).toISOString(),
    envelope: b64url(envelope.serialized),
    reports: [b64url(report)],
    receipts: receipts.map((receipt) => b64url(receipt.serialized)),
    certificates: {
      ca: ca.pem,
      registry: registry.pem,
      gateway: gateway.pem,
      bureaus: [sender.pem, ...recipients.map((r) => r.pem)],
    },
    statuses,
    entries: ledger.entries,
    checkpoint,
    policies: [{ version: POLICY_VERSION, text: POLICY_TEXT }],
    // What the sealer encrypts: the body under a "body" member.
    plaintext: { cek: cek.toString('base64url'), content: b64url(JSON.stringify({ body })) },
    timestamp,
  };
  const options: EvidenceVerifierOptions = {
    trustedCa: ca.pem,
    witnesses: witnesses.map(({ name, publicKey }) => ({ name, publicKey })),
    quorum: 2,
    // The TSA stamps with the real clock; the verifier's now is after it.
    now: new Date(Math.max(at.getTime(), Date.now()) + 120_000),
    trustedTsaCa: timestamp.tsa_ca,
  };
  return {
    ca,
    registry,
    gateway,
    sender,
    recipients,
    witnesses,
    envelope,
    body,
    recipientKey: mr.decryptionKey,
    at,
    bundle,
    options,
    senderRevoked,
    tsaCa: timestamp.tsa_ca,
  };
}

/** A token from a throw-away openssl TSA over SHA-256 of the checkpoint's note text. */
async function timestampCheckpoint(checkpoint: string): Promise<{ tsa_ca: string; token: string }> {
  const tsa = await createOpensslTsa();
  try {
    const digest = createHash('sha256').update(parseSignedNote(checkpoint).text, 'utf8').digest();
    const token = tokenFromResponse(await tsa.reply(createTimestampRequest(digest).der));
    return { tsa_ca: tsa.caPem, token: token.toString('base64') };
  } finally {
    await tsa.remove();
  }
}

/** The message's entries among others, with audit paths into the whole tree. */
function ledgerFor(envelope: SealedEnvelope, receipts: readonly SealedEnvelope[], at: Date) {
  const id = envelope.payload.id;
  const policySha256 = createHash('sha256').update(POLICY_TEXT, 'utf8').digest('hex');
  const other = (n: number) =>
    encodeLedgerEntry({ type: 'delivery', at, envelopeId: `other-${n}`, data: { to: 'ES' } });
  const mine = [
    encodeLedgerEntry({
      type: 'submission-accepted',
      at,
      envelopeId: id,
      data: { from: 'DK', to: ['MR', 'FR'], kind: 'diffusion', digest: envelope.digest, policyVersion: POLICY_VERSION },
    }),
    ...['MR', 'FR'].map((to) =>
      encodeLedgerEntry({
        type: 'delivery',
        at,
        envelopeId: id,
        data: { to, policyVersion: POLICY_VERSION, policySha256 },
      }),
    ),
    ...receipts.map((receipt) =>
      encodeLedgerEntry({
        type: 'receipt',
        at,
        envelopeId: id,
        data: { receiptId: receipt.payload.id, from: receipt.payload.from, digest: envelope.digest },
      }),
    ),
  ];
  const leaves = [other(0), other(1), other(2), ...mine.flatMap((leaf, n) => [leaf, other(10 + n)])];
  const entries = mine.map((leaf) => {
    const index = leaves.indexOf(leaf);
    return {
      leaf_index: index,
      leaf_input: leaf.toString('base64'),
      audit_path: referencePath(index, leaves).map((hash) => hash.toString('base64')),
    };
  });
  return { entries, root: referenceRoot(leaves), size: leaves.length };
}

export function cosignedCheckpoint(
  root: Buffer,
  size: number,
  gateway: TestSigner,
  witnesses: readonly TestWitness[],
  at: Date,
): string {
  const text = formatCheckpoint({ origin: LOG_ORIGIN, treeSize: size, rootHash: root, extensions: [] });
  const time = Math.floor(at.getTime() / 1000) + 5;
  return signNote(text, [
    ed25519NoteSigner(LOG_ORIGIN, gateway.key),
    ...witnesses.map((witness) => cosignatureSigner(witness.name, witness.privateKey, () => time)),
  ]);
}

export function b64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

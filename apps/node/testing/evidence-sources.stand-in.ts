import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { DomainError } from '@bureaunet/contracts';
import { encodeLedgerEntry } from '@bureaunet/ledger';
import type { LedgerTrail } from '@bureaunet/evidence';
import { signCertificateStatus } from '../../../libs/evidence/src/certificate-status.statement';
import { certificateFingerprint } from '../../../libs/evidence/src/trusted-certificates';
import {
  cosignedCheckpoint,
  POLICY_TEXT,
  POLICY_VERSION,
  testWitness,
  type TestWitness,
} from '../../../libs/evidence/src/testing/evidence-bundle.fixture';
import { issueTestCertificate, type TestCa } from '../../../libs/crypto/src/testing/test-pki.fixture';
import { referencePath, referenceRoot } from '../../../libs/ledger/src/merkle/merkle-tree.reference';
import type { GatewayTrailSource, RegistryEvidenceSource } from '../src/evidence/evidence-sources';

const HOUR = 3_600_000;

/** What the gateway would have recorded about one exchange. */
export interface RecordedExchange {
  id: string;
  from: string;
  digest: string;
  delivered: readonly string[];
  receipts: readonly { id: string; from: string }[];
  at: Date;
}

/**
 * Stands in for the gateway's trail and the registry's statements as the export asks for them
 * over HTTP: a ledger built from recorded exchanges (with other bureaus' entries between), its
 * checkpoint signed with the gateway's real key and cosigned by three test witnesses, good status
 * statements signed by an XR certificate of the test CA. Each part can be made to fail.
 */
export class EvidenceSourcesStandIn {
  readonly witnesses: TestWitness[] = ['witness.bureaunet.test/dk', 'dpa.example/witness', 'court.example/witness'].map(
    testWitness,
  );
  private readonly leaves: Buffer[] = [];
  /** Set to make that part answer as a real source would when it cannot. */
  failures: { checkpointSize?: boolean; policy?: boolean; trail?: DomainError } = {};

  private constructor(
    private readonly gatewayKey: KeyObject,
    private readonly registry: { pem: string; kid: string; key: KeyObject },
  ) {}

  static async start(ca: TestCa, gatewayKey: KeyObject): Promise<EvidenceSourcesStandIn> {
    const pair = generateKeyPairSync('ed25519');
    const { pem, certificate } = await issueTestCertificate(ca, { code: 'XR', publicKey: pair.publicKey });
    return new EvidenceSourcesStandIn(gatewayKey, {
      pem,
      kid: certificateFingerprint(certificate),
      key: pair.privateKey,
    });
  }

  record(exchange: RecordedExchange): void {
    const { id, at, digest } = exchange;
    const policySha256 = createHash('sha256').update(POLICY_TEXT, 'utf8').digest('hex');
    const other = encodeLedgerEntry({
      type: 'delivery',
      at,
      envelopeId: `other-${this.leaves.length}`,
      data: { to: 'ES' },
    });
    this.leaves.push(
      other,
      encodeLedgerEntry({
        type: 'submission-accepted',
        at,
        envelopeId: id,
        data: { from: exchange.from, to: exchange.delivered, kind: 'message', digest, policyVersion: POLICY_VERSION },
      }),
      ...exchange.delivered.map((to) =>
        encodeLedgerEntry({
          type: 'delivery',
          at,
          envelopeId: id,
          data: { to, policyVersion: POLICY_VERSION, policySha256 },
        }),
      ),
      ...exchange.receipts.flatMap((receipt) => [
        // The receipt envelope's own acceptance names its own id: not the message's, left out of its bundle.
        encodeLedgerEntry({ type: 'submission-accepted', at, envelopeId: receipt.id, data: { from: receipt.from } }),
        encodeLedgerEntry({
          type: 'receipt',
          at,
          envelopeId: id,
          data: { receiptId: receipt.id, from: receipt.from, digest },
        }),
      ]),
    );
  }

  readonly gateway: GatewayTrailSource = {
    trail: (messageId) => {
      if (this.failures.trail) return Promise.reject(this.failures.trail);
      return Promise.resolve(this.trail(messageId));
    },
    // Stands in for a gateway with no TSA: bundles go without the optional token.
    timestamp: () => Promise.resolve(undefined),
  };

  readonly registrySource: RegistryEvidenceSource = {
    statusCertificate: () => Promise.resolve(this.registry.pem),
    statusStatements: async (fingerprint) => [
      await signCertificateStatus(
        {
          code: this.codes.get(fingerprint) ?? 'XX',
          fingerprint,
          status: 'good',
          asOf: new Date(Date.now() - HOUR).toISOString(),
          expiresAt: new Date(Date.now() + 23 * HOUR).toISOString(),
        },
        this.registry,
      ),
    ],
    policyText: (version) =>
      !this.failures.policy && version === POLICY_VERSION
        ? Promise.resolve(POLICY_TEXT)
        : Promise.reject(new DomainError('evidence-incomplete', `policies: no rules version ${version}`, 'conflict')),
  };

  /** Which bureau a fingerprint is (status statements name the code). */
  readonly codes = new Map<string, string>();

  private trail(messageId: string): LedgerTrail {
    const mine = this.leaves
      .map((leaf, index) => ({ leaf, index }))
      .filter(({ leaf }) => {
        const entry = JSON.parse(leaf.toString('utf8')) as { envelopeId?: string; receiptId?: string };
        return entry.envelopeId === messageId;
      });
    if (mine.length === 0)
      throw new DomainError('evidence-incomplete', `entries: no ledger entry names ${messageId}`, 'conflict');
    const size = this.leaves.length;
    const checkpoint = cosignedCheckpoint(
      referenceRoot(this.leaves),
      this.failures.checkpointSize ? size - 1 : size,
      { code: 'XG', key: this.gatewayKey, kid: '', pem: '' },
      this.witnesses,
      new Date(),
    );
    return {
      treeSize: size,
      entries: mine.map(({ leaf, index }) => ({
        leaf_index: index,
        leaf_input: leaf.toString('base64'),
        audit_path: referencePath(index, this.leaves).map((hash) => hash.toString('base64')),
      })),
      checkpoint,
    };
  }
}

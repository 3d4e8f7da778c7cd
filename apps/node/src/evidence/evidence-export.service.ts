import { Inject, Injectable } from '@nestjs/common';
import { DomainError, GATEWAY_CODE } from '@bureaunet/contracts';
import { decodeLedgerEntry } from '@bureaunet/ledger';
import {
  buildEvidenceBundle,
  decidedPolicyVersions,
  EvidenceIncompleteError,
  jwsSigner,
  messageEntries,
  type EvidenceBundle,
  type LedgerTrail,
} from '@bureaunet/evidence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { EvidenceCertificateCollector, type CollectedCertificate } from './evidence-certificates.collector';
import {
  GATEWAY_TRAIL_SOURCE,
  REGISTRY_EVIDENCE_SOURCE,
  type GatewayTrailSource,
  type RegistryEvidenceSource,
} from './evidence-sources';
import { HeldEvidenceReader, type HeldEvidence } from './held-evidence.reader';

export interface EvidenceExport {
  bundle: EvidenceBundle;
  /** Pieces a bundle from this node leaves out by design, each with the reason (a recipient holds no reports). */
  omitted: string[];
}

/**
 * One message's evidence bundle (docs/evidence.md) as this node can make it: the bytes it holds,
 * the gateway's trail and cosigned checkpoint, the certificates behind every signature with the
 * registry's statements on them, and the rule texts that decided. Checked against the format
 * before it is served; a piece it cannot obtain is an error naming it, never a thinner bundle.
 */
@Injectable()
export class EvidenceExportService {
  constructor(
    private readonly held: HeldEvidenceReader,
    private readonly certificates: EvidenceCertificateCollector,
    @Inject(GATEWAY_TRAIL_SOURCE) private readonly gateway: GatewayTrailSource,
    @Inject(REGISTRY_EVIDENCE_SOURCE) private readonly registry: RegistryEvidenceSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async export(id: string, options: { plaintext: boolean }): Promise<EvidenceExport> {
    try {
      return await this.assemble(id, options);
    } catch (error) {
      if (error instanceof EvidenceIncompleteError)
        throw new DomainError('evidence-incomplete', `${error.piece}: ${error.message}`, 'conflict');
      throw error;
    }
  }

  private async assemble(id: string, options: { plaintext: boolean }): Promise<EvidenceExport> {
    let trail: LedgerTrail | undefined;
    const trailOnce = async () => (trail ??= await this.gateway.trail(id));
    const held = await this.held.read(id, async () => ownReceiptIds(id, await trailOnce()));
    const plaintext = options.plaintext ? this.held.plaintext(held, id) : undefined;
    const ledger = await trailOnce();
    const signers = await this.signerCertificates(held);
    const gateway = await this.certificates.gateway(held.reports.map((report) => jwsSigner(report, 'reports').kid));
    const [registry, statuses, policies, timestamp] = await Promise.all([
      this.registry.statusCertificate(),
      this.statuses([gateway, ...signers]),
      this.policies(id, ledger),
      this.gateway.timestamp(ledger.treeSize),
    ]);
    const bundle = buildEvidenceBundle({
      messageId: id,
      createdAt: this.clock.now(),
      envelope: held.envelope,
      reports: held.reports,
      receipts: held.receipts,
      certificates: {
        ca: this.certificates.ca(gateway),
        registry,
        gateway: gateway.pem,
        bureaus: signers.map((signer) => signer.pem),
      },
      statuses,
      trail: ledger,
      policies,
      timestamp,
      plaintext,
    });
    return { bundle, omitted: omittedPieces(held) };
  }

  /** The envelope's signer and every receipt's, each certificate once. */
  private async signerCertificates(held: HeldEvidence): Promise<CollectedCertificate[]> {
    const signed = [
      { bytes: held.envelope, piece: 'envelope' },
      ...held.receipts.map((bytes, i) => ({ bytes, piece: `receipts[${i}]` })),
    ];
    const found = new Map<string, CollectedCertificate>();
    for (const { bytes, piece } of signed) {
      const { kid, from } = jwsSigner(bytes, piece);
      if (!from) throw new DomainError('evidence-incomplete', `${piece}: its payload names no sender`, 'conflict');
      if (!found.has(kid)) found.set(kid, await this.certificates.signing(from, kid, piece));
    }
    return [...found.values()];
  }

  private async statuses(certificates: readonly CollectedCertificate[]): Promise<string[]> {
    const lists = await Promise.all(certificates.map((c) => this.registry.statusStatements(c.fingerprint)));
    return lists.flat();
  }

  private async policies(id: string, trail: LedgerTrail): Promise<{ version: number; text: string }[]> {
    const versions = decidedPolicyVersions(messageEntries(id, trail.entries));
    if (versions.length > 64)
      throw new DomainError(
        'evidence-incomplete',
        `policies: ${versions.length} rule versions, more than 64`,
        'conflict',
      );
    return Promise.all(versions.map(async (version) => ({ version, text: await this.registry.policyText(version) })));
  }
}

/** The receipt envelope ids the ledger recorded for a message (a recipient finds its own among them). */
function ownReceiptIds(id: string, trail: LedgerTrail): string[] {
  return messageEntries(id, trail.entries)
    .map((entry) => decodeLedgerEntry(Buffer.from(entry.leaf_input, 'base64')))
    .filter((entry) => entry.type === 'receipt' && typeof entry.receiptId === 'string')
    .map((entry) => entry.receiptId as string);
}

function omittedPieces(held: HeldEvidence): string[] {
  if (held.direction === 'sent') return [];
  return [
    `reports: the gateway's delivery reports go to the sender's node (${GATEWAY_CODE} reports to the sender only)`,
    "receipts: a recipient's node holds its own receipt, not the other recipients'",
  ];
}

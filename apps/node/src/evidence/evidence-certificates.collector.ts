import { X509Certificate } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, GATEWAY_CODE } from '@bureaunet/contracts';
import { DirectoryClient } from '@bureaunet/directory';
import { certificateFingerprint } from '@bureaunet/evidence';
import { BUREAU_IDENTITY, trustedCas, type BureauIdentity } from '@bureaunet/identity';

export interface CollectedCertificate {
  pem: string;
  /** base64url SHA-256 of the DER: the JWS kid, and what status statements name. */
  fingerprint: string;
}

/**
 * The certificates behind the signatures of a bundle, found by kid in the directory: a bureau's
 * current signing certificate or one a renewal replaced (the directory keeps those through their
 * overlap; an older one is no longer known and the export names it).
 */
@Injectable()
export class EvidenceCertificateCollector {
  constructor(
    private readonly directory: DirectoryClient,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
  ) {}

  async signing(code: string, kid: string, piece: string): Promise<CollectedCertificate> {
    const found = (await this.candidates(code)).find((candidate) => candidate.fingerprint === kid);
    if (!found)
      throw new DomainError(
        'evidence-incomplete',
        `${piece}: no signing certificate of ${code} with kid ${kid} is in the directory any more`,
        'conflict',
      );
    return found;
  }

  /** The gateway's certificate that signed its reports, or its current one when none is bundled. */
  async gateway(reportKids: readonly string[]): Promise<CollectedCertificate> {
    const kids = [...new Set(reportKids)];
    if (kids.length > 1)
      throw new DomainError(
        'evidence-incomplete',
        `certificates.gateway: the reports were signed under ${kids.length} gateway certificates, a bundle holds one`,
        'conflict',
      );
    if (kids[0]) return this.signing(GATEWAY_CODE, kids[0], 'certificates.gateway');
    const [current] = await this.candidates(GATEWAY_CODE);
    if (!current)
      throw new DomainError('evidence-incomplete', 'certificates.gateway: the gateway has no certificate', 'conflict');
    return current;
  }

  /** The trusted CA that issued the gateway's certificate (two during a CA rotation). */
  ca(gateway: CollectedCertificate): string {
    const issued = new X509Certificate(gateway.pem);
    const ca = trustedCas(this.identity).find((candidate) => issued.checkIssued(candidate)) ?? this.identity.ca;
    return ca.toString();
  }

  private async candidates(code: string): Promise<CollectedCertificate[]> {
    const entry = await this.directory.entry(code);
    const pems = [
      entry?.signingCertificate,
      ...(entry?.previousCertificates ?? []).filter((c) => c.use === 'signing').map((c) => c.certificate),
      code === this.identity.code ? this.identity.signing.certificate.toString() : undefined,
    ];
    return pems
      .filter((pem): pem is string => pem !== undefined)
      .map((pem) => ({ pem, fingerprint: certificateFingerprint(new X509Certificate(pem)) }));
  }
}

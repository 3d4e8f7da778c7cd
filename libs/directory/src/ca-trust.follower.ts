import { Logger } from '@nestjs/common';
import { X509Certificate } from 'node:crypto';
import { CA_TRUST_SUBJECT, caTrustSchema } from '@bureaunet/contracts';
import { adoptCaTrust, BureauIdentity, issuedBy, trustedCas } from '@bureaunet/identity';
import type { Clock } from '@bureaunet/platform';
import type { BusClient } from '@bureaunet/transport';

/** A certificate from an unknown CA makes the client ask the registry's CA list at most this often. */
const TRUST_REFRESH_MIN_INTERVAL_MS = 30_000;

/**
 * Finds the trusted CA that issued a certificate (during a CA rotation, the new or the previous
 * one). A certificate from a CA not yet trusted first makes it follow the registry's CA list, as
 * the renewal check would later: a bureau that renewed under a new CA is not refused meanwhile.
 */
export class CaTrustFollower {
  private readonly logger = new Logger(CaTrustFollower.name);
  private lastRefreshAt = -Infinity;

  constructor(
    private readonly bus: BusClient,
    private readonly identity: BureauIdentity,
    private readonly clock: Clock,
  ) {}

  /** Falls back to the current CA, whose check then refuses the certificate with its reason. */
  async issuerOf(pem: string): Promise<X509Certificate> {
    const found = issuerAmong(pem, trustedCas(this.identity));
    if (found) return found;
    const now = this.clock.now().getTime();
    if (now - this.lastRefreshAt >= TRUST_REFRESH_MIN_INTERVAL_MS) {
      this.lastRefreshAt = now;
      try {
        const change = adoptCaTrust(this.identity, caTrustSchema.parse(await this.bus.request(CA_TRUST_SUBJECT, {})));
        if (change !== 'unchanged') this.logger.log(`CA trust ${change} on a certificate from a CA not trusted before`);
      } catch (error) {
        // Not a reason to trust it: the certificate is then refused as not issued by a trusted CA.
        this.logger.warn(
          `cannot follow the registry's CA list: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    return issuerAmong(pem, trustedCas(this.identity)) ?? this.identity.ca;
  }
}

function issuerAmong(pem: string, cas: readonly X509Certificate[]): X509Certificate | undefined {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    return undefined; // not parseable: verifyBureauCertificate refuses it and says why
  }
  return cas.find((ca) => issuedBy(certificate, ca));
}

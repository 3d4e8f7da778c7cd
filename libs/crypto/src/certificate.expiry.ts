import type { X509Certificate } from 'node:crypto';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CertificateExpiry {
  /** ISO 8601. */
  notAfter: string;
  /** Whole days left, rounded down; negative once expired. */
  daysLeft: number;
}

/** When a certificate expires, as health endpoints and expiry warnings show it. */
export function certificateExpiry(certificate: X509Certificate, now: Date): CertificateExpiry {
  const notAfter = new Date(certificate.validTo);
  return { notAfter: notAfter.toISOString(), daysLeft: Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS) };
}

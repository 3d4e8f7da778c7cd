/** Bounds on what a TSA (or a bundle) may make a verifier parse. */
export const TIMESTAMP_LIMITS = {
  /** A token holds TSTInfo and a short certificate chain: a few KiB in practice. */
  tokenBytes: 64 * 1024,
  responseBytes: 64 * 1024 + 1024,
  /** Certificates carried in one token. */
  certificates: 8,
  /** Certificates from the TSA's up to (not counting) the trusted CA. */
  chainLength: 4,
} as const;

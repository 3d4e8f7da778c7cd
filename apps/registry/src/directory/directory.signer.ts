import { Inject, Injectable } from '@nestjs/common';
import type { DirectoryEntry, SignedDirectory } from '@bureaunet/contracts';
import { signDirectory } from '@bureaunet/evidence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { STATUS_SIGNING_IDENTITY } from '../pki/status-signing.provider';
import type { StatusSigningIdentity } from '../pki/status-signing.identity';
import { DEFAULT_DIRECTORY_TTL_MS, REGISTRY_CONFIG, type RegistryConfig } from '../registry.config';

/**
 * Signs each directory answer as XR, dated now and in force for DIRECTORY_TTL_MS. Signed per
 * answer from the snapshot just read, so a change is in the very next answer and a client that
 * keeps asking never holds an expired one; an Ed25519 signature costs far less than the read.
 */
@Injectable()
export class DirectorySigner {
  constructor(
    @Inject(STATUS_SIGNING_IDENTITY) private readonly identity: StatusSigningIdentity,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  sign(entries: DirectoryEntry[], version: number): Promise<SignedDirectory> {
    const now = this.clock.now();
    const ttlMs = this.config.directoryTtlMs ?? DEFAULT_DIRECTORY_TTL_MS;
    // Never past the signer's own certificate: a client would refuse the signature from then on anyway.
    const expiresAt = new Date(Math.min(now.getTime() + ttlMs, this.identity.notAfter.getTime()));
    return signDirectory(
      { entries, version, issuedAt: now.toISOString(), expiresAt: expiresAt.toISOString() },
      this.identity,
    );
  }
}

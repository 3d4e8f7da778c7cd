import { DomainError, type DirectoryContent } from '@bureaunet/contracts';

/**
 * The dates of the newest signed directory answer this process verified: the directory it holds
 * is in force until that answer's expiry, and is renewed from half of its life on.
 */
export class DirectoryValidity {
  private issuedAt: number | undefined;
  private expiresAt: number | undefined;

  /** Only a later expiry replaces the held one: an answer from a slow request may be older. */
  record(content: DirectoryContent): void {
    const expiresAt = Date.parse(content.expiresAt);
    if (this.expiresAt !== undefined && expiresAt <= this.expiresAt) return;
    this.issuedAt = Date.parse(content.issuedAt);
    this.expiresAt = expiresAt;
  }

  /** null: no signed directory verified yet. */
  expiry(): string | null {
    return this.expiresAt === undefined ? null : new Date(this.expiresAt).toISOString();
  }

  expiredAt(now: Date): boolean {
    return this.expiresAt !== undefined && now.getTime() > this.expiresAt;
  }

  /** Past half of its life: time to ask for a newly signed one, while the held one still serves. */
  due(now: Date): boolean {
    if (this.issuedAt === undefined || this.expiresAt === undefined) return false;
    return now.getTime() >= this.issuedAt + (this.expiresAt - this.issuedAt) / 2;
  }
}

/** 503 directory-expired, naming the expiry and why no newer directory replaced it. */
export function directoryExpired(expiresAt: string, why: string): DomainError {
  return new DomainError('directory-expired', `the directory expired at ${expiresAt}: ${why}`, 'unavailable');
}

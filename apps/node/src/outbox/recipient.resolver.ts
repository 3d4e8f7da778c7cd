import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, scopeReferenceOf, type DirectoryEntry, type RecipientScope } from '@bureaunet/contracts';
import { CryptoError, type EnvelopeRecipientKey } from '@bureaunet/crypto';
import { DirectoryClient } from '@bureaunet/directory';
import { BUREAU_IDENTITY, type BureauIdentity } from '@bureaunet/identity';
import { RecipientScopeDirectory } from './recipient-scope.directory';

export interface ResolvedRecipients {
  /** Addressees to track now (a group's or operation's members one by one); empty for "all", whose addressees the gateway's report names. */
  addressees: string[];
  keys: EnvelopeRecipientKey[];
}

const BROADCAST_ROLES: ReadonlySet<DirectoryEntry['role']> = new Set(['bureau', 'hub']);

/** Turns `to` into verified encryption keys from the directory. */
@Injectable()
export class RecipientResolver {
  private readonly logger = new Logger(RecipientResolver.name);

  constructor(
    private readonly directory: DirectoryClient,
    private readonly scopes: RecipientScopeDirectory,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
  ) {}

  async resolve(to: RecipientScope): Promise<ResolvedRecipients> {
    if (to === 'all') return { addressees: [], keys: await this.everyonesKeys() };
    const codes = await this.expanded(to);
    return { addressees: codes, keys: await this.listed(codes) };
  }

  /** Bureau codes as written; `group:<id>` and `operation:<id>` as their members (without this bureau); once each. */
  private async expanded(to: readonly string[]): Promise<string[]> {
    const codes = new Set<string>();
    for (const element of to) {
      const scope = scopeReferenceOf(element);
      if (!scope) codes.add(element);
      else
        (await this.scopes.members(scope))
          .filter((code) => code !== this.identity.code)
          .forEach((code) => codes.add(code));
    }
    if (codes.size === 0)
      throw new DomainError('no-recipients', `to: ${to.join(', ')} names no bureau but this one`, 'invalid');
    return [...codes];
  }

  private async listed(codes: readonly string[]): Promise<EnvelopeRecipientKey[]> {
    if (codes.includes(this.identity.code)) {
      throw new DomainError('self-addressed', `to: ${this.identity.code} is this bureau`, 'invalid');
    }
    const entries = await Promise.all(codes.map((code) => this.directory.entry(code)));
    const unknown = codes.filter((_code, index) => !entries[index]);
    if (unknown.length > 0)
      throw new DomainError('unknown-recipient', `to: unknown recipient ${unknown.join(', ')}`, 'invalid');
    return Promise.all(codes.map((code) => this.keyOf(code)));
  }

  /**
   * Who "all" is, here and wherever a workflow addresses everyone: the active bureaus and the hub
   * that have enrolled, without this node and the `excluded`.
   */
  async everyone(excluded: readonly string[] = []): Promise<string[]> {
    return (await this.directory.all())
      .filter(
        (entry) =>
          entry.code !== this.identity.code &&
          entry.status === 'active' &&
          BROADCAST_ROLES.has(entry.role) &&
          entry.encryptionCertificate &&
          !excluded.includes(entry.code),
      )
      .map((entry) => entry.code)
      .sort();
  }

  // One whose certificate fails its checks is left out.
  private async everyonesKeys(): Promise<EnvelopeRecipientKey[]> {
    const keys: EnvelopeRecipientKey[] = [];
    for (const code of await this.everyone()) {
      try {
        keys.push(await this.keyOf(code));
      } catch (error) {
        if (!(error instanceof DomainError) || error.kind === 'unavailable') throw error;
        this.logger.warn(`"all" leaves out ${code}: ${error.message}`);
      }
    }
    if (keys.length === 0)
      throw new DomainError('no-recipients', 'to: "all" names no active, enrolled bureau', 'invalid');
    return keys;
  }

  private async keyOf(code: string): Promise<EnvelopeRecipientKey> {
    try {
      const { kid, key } = await this.directory.encryptionKey(code);
      return { code, kid, key };
    } catch (error) {
      if (!(error instanceof CryptoError)) throw error;
      if (error.code === 'unknown-sender')
        throw new DomainError('unknown-recipient', `to: ${code} has not enrolled yet`, 'invalid');
      throw new DomainError(error.code, `to: ${code}: ${error.message}`, 'invalid');
    }
  }
}

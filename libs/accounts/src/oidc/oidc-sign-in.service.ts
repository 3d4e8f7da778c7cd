import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@bureaunet/contracts';
import { SerialWriter } from '@bureaunet/persistence';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts.options';
import type { PersonEntity } from '../person.entity';
import { PersonRepository } from '../person.repository';
import { PublicUrl } from '../public-url';
import { SignInService, type OpenedSession } from '../sign-in.service';
import { oidcConfigFor, type OidcSettings } from './oidc.config';
import { OidcRelyingParty, type OidcIdentity, type OidcStart } from './oidc.relying-party';

export const OIDC_SETTINGS = Symbol('OIDC_SETTINGS');

/**
 * Sign-in through the bureau's own identity provider. The provider proves who is there; this
 * service decides who that is here: the person already linked to the subject, or — on a first
 * sign-in — the person whose username the ID token names and who is linked to no subject yet.
 * Nobody else: people are made by the bureau's administrator, never by the provider.
 */
@Injectable()
export class OidcSignInService {
  private party: OidcRelyingParty | undefined;

  constructor(
    @Inject(OIDC_SETTINGS) private readonly settings: OidcSettings | undefined,
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
    private readonly publicUrl: PublicUrl,
    private readonly writer: SerialWriter,
    private readonly people: PersonRepository,
    private readonly signIn: SignInService,
  ) {}

  /** The provider's name for the sign-in button; undefined when single sign-on is off. */
  providerName(): string | undefined {
    return this.settings?.name;
  }

  begin(): Promise<OidcStart> {
    return this.relyingParty().begin(this.options.clock.now());
  }

  async complete(query: URLSearchParams, browserToken: string | undefined): Promise<OpenedSession> {
    const identity = await this.relyingParty().complete(query, browserToken, this.options.clock.now());
    return this.signIn.signInProven(await this.personOf(identity), 'oidc');
  }

  private async personOf(identity: OidcIdentity): Promise<PersonEntity> {
    const linked = await this.people.findByOidcSubject(identity.subject);
    if (linked) return linked;
    const username = identity.username?.trim().toLowerCase();
    const person = username
      ? await this.writer.transaction(async (manager) => {
          const candidate = await this.people.findByUsername(username, manager);
          if (!candidate || candidate.oidcSubject !== null) return undefined;
          await this.people.update(manager, candidate.id, { oidcSubject: identity.subject });
          return { ...candidate, oidcSubject: identity.subject };
        })
      : undefined;
    if (!person)
      throw new DomainError(
        'oidc-unknown-person',
        'your identity provider signed you in, but nobody here matches you: ask this bureau’s administrator to create your account',
        'forbidden',
      );
    return person;
  }

  private relyingParty(): OidcRelyingParty {
    if (!this.settings)
      throw new DomainError('oidc-off', 'single sign-on is not configured at this service', 'not-found');
    // Made at first use: the default redirect URI needs the address the service listens on.
    this.party ??= new OidcRelyingParty(oidcConfigFor(this.settings, this.publicUrl.origin()));
    return this.party;
  }
}

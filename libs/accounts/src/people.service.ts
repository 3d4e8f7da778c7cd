import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@bureaunet/contracts';
import { SerialWriter } from '@bureaunet/persistence';
import type { Role } from '@bureaunet/platform/stateless';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from './accounts.options';
import { UNLOCKED } from './lockout';
import type { PersonEntity } from './person.entity';
import { MAX_PEOPLE, type Locale } from './person.fields';
import { PersonRepository } from './person.repository';
import { PersonSessionRepository } from './person-session.repository';
import { personAdminView, type PersonAdminView } from './person.view';
import { PublicUrl } from './public-url';
import { newSecret, secretDigest } from './secret-token';
import { SignInLinkRepository } from './sign-in-link.repository';

export interface NewPerson {
  username: string;
  displayName: string;
  roles: Role[];
  borderPost?: string;
  locale?: Locale;
  timeZone?: string;
}

export interface PersonChanges {
  displayName?: string;
  roles?: Role[];
  borderPost?: string | null;
  disabled?: boolean;
}

export interface IssuedSignInLink {
  url: string;
  expiresAt: string;
}

/** What an administrator does to the people of this service. */
@Injectable()
export class PeopleService {
  constructor(
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
    private readonly writer: SerialWriter,
    private readonly people: PersonRepository,
    private readonly sessions: PersonSessionRepository,
    private readonly links: SignInLinkRepository,
    private readonly publicUrl: PublicUrl,
  ) {}

  async list(): Promise<PersonAdminView[]> {
    const now = this.options.clock.now();
    return (await this.people.list()).map((person) => personAdminView(person, now));
  }

  async create(request: NewPerson): Promise<PersonAdminView> {
    this.checkRoles(request.roles, request.borderPost ?? null);
    const now = this.options.clock.now();
    const person: PersonEntity = {
      id: randomUUID(),
      username: request.username,
      displayName: request.displayName,
      roles: request.roles,
      borderPost: request.borderPost ?? null,
      passwordHash: null,
      totpSecret: null,
      totpPendingSecret: null,
      totpLastStep: null,
      oidcSubject: null,
      locale: request.locale ?? 'en',
      timeZone: request.timeZone ?? 'UTC',
      ...UNLOCKED,
      disabled: false,
      createdAt: now.toISOString(),
      lastSignInAt: null,
    };
    await this.writer.transaction(async (manager) => {
      if (await this.people.findByUsername(person.username, manager))
        throw new DomainError('username-taken', `${person.username} already has an account here`, 'conflict');
      if ((await this.people.count(manager)) >= MAX_PEOPLE)
        throw new DomainError('too-many-people', `this service holds at most ${MAX_PEOPLE} people`, 'conflict');
      await this.people.insert(manager, person);
    });
    return personAdminView(person, now);
  }

  /** Changes a person; disabling closes their sessions at once (their tokens are refused while disabled). */
  async update(id: string, changes: PersonChanges): Promise<PersonAdminView> {
    const person = await this.writer.transaction(async (manager) => {
      const current = await this.mustFind(id, manager);
      const next: PersonEntity = {
        ...current,
        ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
        ...(changes.roles !== undefined ? { roles: changes.roles } : {}),
        ...(changes.borderPost !== undefined ? { borderPost: changes.borderPost } : {}),
        ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
      };
      this.checkRoles(next.roles, next.borderPost);
      const { id: _id, ...columns } = next;
      await this.people.update(manager, id, columns);
      if (next.disabled) await this.sessions.deleteOfPerson(manager, id);
      return next;
    });
    return personAdminView(person, this.options.clock.now());
  }

  async unlock(id: string): Promise<PersonAdminView> {
    const person = await this.writer.transaction(async (manager) => {
      const current = await this.mustFind(id, manager);
      await this.people.update(manager, id, UNLOCKED);
      return { ...current, ...UNLOCKED };
    });
    return personAdminView(person, this.options.clock.now());
  }

  /** A one-time link (replacing any earlier one of the person) that signs them in once, within the link lifetime. */
  async issueSignInLink(id: string): Promise<IssuedSignInLink> {
    const token = newSecret();
    const now = this.options.clock.now();
    const expiresAt = new Date(now.getTime() + this.options.settings.linkMs).toISOString();
    await this.writer.transaction(async (manager) => {
      const person = await this.mustFind(id, manager);
      if (person.disabled)
        throw new DomainError(
          'account-disabled',
          `${person.username} is disabled: enable the account first`,
          'conflict',
        );
      await this.links.replace(manager, { digest: secretDigest(token), personId: id, expiresAt, usedAt: null });
    });
    return { url: `${this.publicUrl.origin()}/#/sign-in/link/${token}`, expiresAt };
  }

  private async mustFind(id: string, manager: EntityManager): Promise<PersonEntity> {
    const person = await this.people.findById(id, manager);
    if (!person) throw new DomainError('person-not-found', `no person ${id} here`, 'not-found');
    return person;
  }

  private checkRoles(roles: readonly Role[], borderPost: string | null): void {
    const foreign = roles.filter((role) => !this.options.roles.includes(role));
    if (foreign.length > 0)
      throw new DomainError(
        'role-not-held-here',
        `${foreign.join(', ')} cannot be held at this service (it grants ${this.options.roles.join(', ')})`,
      );
    if (roles.includes('border-officer') && !borderPost)
      throw new DomainError('border-post-required', 'a border officer is attached to a border post: name it');
  }
}

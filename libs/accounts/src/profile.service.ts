import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@bureaunet/contracts';
import { SerialWriter } from '@bureaunet/persistence';
import { hashPassword, verifyPassword } from './password.hasher';
import { checkNewPassword } from './password.policy';
import type { PersonEntity } from './person.entity';
import type { Locale } from './person.fields';
import { PersonRepository } from './person.repository';
import type { PersonSessionEntity } from './person-session.entity';
import { PersonSessionRepository } from './person-session.repository';
import { personView, type PersonView } from './person.view';

export interface Preferences {
  locale?: Locale;
  timeZone?: string;
  displayName?: string;
}

export interface PasswordChange {
  currentPassword?: string;
  newPassword: string;
}

/** What a person changes about themselves: preferences and password. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly writer: SerialWriter,
    private readonly people: PersonRepository,
    private readonly sessions: PersonSessionRepository,
  ) {}

  async me(personId: string): Promise<PersonView> {
    return personView(await this.mustFind(personId));
  }

  async setPreferences(personId: string, preferences: Preferences): Promise<PersonView> {
    const person = await this.writer.transaction(async (manager) => {
      const current = await this.mustFind(personId, manager);
      const changes = Object.fromEntries(Object.entries(preferences).filter(([, value]) => value !== undefined));
      await this.people.update(manager, personId, changes);
      return { ...current, ...changes };
    });
    return personView(person);
  }

  /**
   * Sets the password. The current one is asked for, except in a session opened by a sign-in link
   * (an administrator's link is how a first password is set and a forgotten one replaced). Every
   * other session of the person is closed: whoever knew the old password is signed out.
   */
  async changePassword(
    personId: string,
    session: PersonSessionEntity | undefined,
    change: PasswordChange,
  ): Promise<void> {
    checkNewPassword(change.newPassword);
    const person = await this.mustFind(personId);
    if (session?.via !== 'link' || change.currentPassword !== undefined) {
      if (change.currentPassword === undefined)
        throw new DomainError('current-password-required', 'give your current password to set a new one');
      const right = person.passwordHash !== null && (await verifyPassword(person.passwordHash, change.currentPassword));
      if (!right) throw new DomainError('current-password-wrong', 'the current password is wrong', 'forbidden');
    }
    const passwordHash = await hashPassword(change.newPassword);
    await this.writer.transaction(async (manager) => {
      await this.people.update(manager, personId, { passwordHash });
      await this.sessions.deleteOfPerson(manager, personId, session?.id);
    });
  }

  private async mustFind(personId: string, manager?: EntityManager): Promise<PersonEntity> {
    const person = await this.people.findById(personId, manager);
    if (!person) throw new DomainError('person-not-found', 'this person no longer exists here', 'not-found');
    return person;
  }
}

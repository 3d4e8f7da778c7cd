import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, RateLimitedError } from '@bureaunet/contracts';
import { SerialWriter } from '@bureaunet/persistence';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from './accounts.options';
import { afterFailedSignIn, isLocked, UNLOCKED } from './lockout';
import { verifyNobody, verifyPassword } from './password.hasher';
import type { PersonEntity } from './person.entity';
import { PersonRepository } from './person.repository';
import type { SessionVia } from './person-session.entity';
import { SECOND_FACTOR, type SecondFactor } from './second-factor';
import { secretDigest } from './secret-token';
import { SessionService, type LiveSession } from './session.service';
import { SignInLinkRepository } from './sign-in-link.repository';
import { SignInThrottle } from './sign-in.throttle';

export interface PasswordSignIn {
  username: string;
  password: string;
  totp?: string;
}

/** A session just opened: the cookie's token goes to the browser, the rest is the session's view. */
export interface OpenedSession extends LiveSession {
  token: string;
}

const SIGN_IN_FAILED = 'wrong username or password';

/**
 * Password and link sign-in. Unknown usernames and wrong passwords get one answer and the same
 * Argon2 work; failures count toward the account's lockout and the client address's throttle.
 */
@Injectable()
export class SignInService {
  private readonly throttle: SignInThrottle;

  constructor(
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
    @Inject(SECOND_FACTOR) private readonly secondFactor: SecondFactor,
    private readonly writer: SerialWriter,
    private readonly people: PersonRepository,
    private readonly links: SignInLinkRepository,
    private readonly sessions: SessionService,
  ) {
    this.throttle = new SignInThrottle(options.settings.throttle);
  }

  async withPassword(attempt: PasswordSignIn, address: string): Promise<OpenedSession> {
    this.refuseIfThrottled(address);
    const person = await this.people.findByUsername(attempt.username.trim().toLowerCase());
    if (!person) {
      await verifyNobody(attempt.password);
      throw this.failure(address, new DomainError('sign-in-failed', SIGN_IN_FAILED, 'unauthorized'));
    }
    this.refuseIfLocked(person);
    const right = person.passwordHash
      ? await verifyPassword(person.passwordHash, attempt.password)
      : await verifyNobody(attempt.password);
    if (!right)
      throw await this.failedAttempt(
        person,
        address,
        new DomainError('sign-in-failed', SIGN_IN_FAILED, 'unauthorized'),
      );
    // Told only to someone who knows the password.
    if (person.disabled) throw accountDisabled();
    if (this.secondFactor.required(person)) {
      if (!attempt.totp)
        throw new DomainError('totp-required', 'enter the code of your authenticator app', 'unauthorized');
      if (!(await this.secondFactor.verify(person, attempt.totp)))
        throw await this.failedAttempt(
          person,
          address,
          new DomainError('totp-invalid', 'the code is wrong or already used', 'unauthorized'),
        );
    }
    return this.openSession(person.id, 'password');
  }

  /** A one-time link an administrator issued: spent at first use, refused after expiresAt. */
  async withLink(token: string, address: string): Promise<OpenedSession> {
    this.refuseIfThrottled(address);
    const now = this.options.clock.now();
    const spent = await this.writer.transaction((manager) =>
      this.links.spend(manager, secretDigest(token), now.toISOString()),
    );
    if (!spent || Date.parse(spent.expiresAt) <= now.getTime())
      throw this.failure(
        address,
        new DomainError(
          'link-invalid',
          'this sign-in link is unknown, used or expired: ask your administrator for a new one',
          'unauthorized',
        ),
      );
    const person = await this.people.findById(spent.personId);
    if (!person) throw new DomainError('link-invalid', 'this sign-in link names nobody any more', 'unauthorized');
    if (person.disabled) throw accountDisabled();
    return this.openSession(person.id, 'link');
  }

  /** Opens a session for a person another way proved (e.g. OpenID Connect), with the same checks after. */
  async signInProven(person: PersonEntity, via: SessionVia): Promise<OpenedSession> {
    if (person.disabled) throw accountDisabled();
    this.refuseIfLocked(person);
    return this.openSession(person.id, via);
  }

  private async openSession(personId: string, via: SessionVia): Promise<OpenedSession> {
    const at = this.options.clock.now().toISOString();
    return this.writer.transaction(async (manager) => {
      await this.people.update(manager, personId, { ...UNLOCKED, lastSignInAt: at });
      const person = (await this.people.findById(personId, manager))!;
      const { token, session } = await this.sessions.open(manager, person, via);
      return { token, session, person };
    });
  }

  private refuseIfThrottled(address: string): void {
    const waitMs = this.throttle.waitMs(address, this.options.clock.now().getTime());
    if (waitMs > 0)
      throw new RateLimitedError(
        'sign-in-throttled',
        `too many failed sign-ins from this address: wait ${Math.ceil(waitMs / 1000)} s`,
        waitMs,
      );
  }

  private refuseIfLocked(person: PersonEntity): void {
    if (isLocked(person, this.options.clock.now()))
      throw new DomainError(
        'account-locked',
        `too many failed sign-ins: locked until ${person.lockedUntil}, or until an administrator unlocks it`,
        'locked',
      );
  }

  private failure(address: string, error: DomainError): DomainError {
    this.throttle.recordFailure(address, this.options.clock.now().getTime());
    return error;
  }

  /** Counts the failure in the same transaction that reads the count, so concurrent attempts all count. */
  private async failedAttempt(person: PersonEntity, address: string, error: DomainError): Promise<DomainError> {
    const now = this.options.clock.now();
    await this.writer.transaction(async (manager: EntityManager) => {
      const current = await this.people.findById(person.id, manager);
      if (current)
        await this.people.update(manager, person.id, afterFailedSignIn(current, now, this.options.settings.lockout));
    });
    return this.failure(address, error);
  }
}

function accountDisabled(): DomainError {
  return new DomainError('account-disabled', 'this account is disabled: ask your administrator', 'forbidden');
}

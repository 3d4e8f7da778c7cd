import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@bureaunet/contracts';
import { SerialWriter } from '@bureaunet/persistence';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions, type ServiceView } from '../accounts.options';
import { afterFailedSignIn, isLocked, UNLOCKED } from '../lockout';
import type { PersonEntity } from '../person.entity';
import { PersonRepository } from '../person.repository';
import type { PersonSessionEntity } from '../person-session.entity';
import { personView, type PersonView } from '../person.view';
import { TOTP_SECRET_BYTES, totpSecretBase32, totpUri, verifyTotp } from './totp.code';
import { TotpSecretSealer } from './totp-secret.sealer';

/** What an authenticator app needs: the secret (typed) and the otpauth:// URI (scanned). */
export interface TotpEnrolmentStart {
  secret: string;
  uri: string;
}

/**
 * Enrolment in two steps: a new secret is kept apart (totpPendingSecret) until the person proves
 * their app holds it with a code; only then does sign-in ask for codes. Turning it off takes a
 * code too — except in a session an administrator's sign-in link opened, which is how a person
 * who lost their phone gets back in (as with a forgotten password).
 */
@Injectable()
export class TotpEnrolmentService {
  constructor(
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
    private readonly writer: SerialWriter,
    private readonly people: PersonRepository,
    private readonly sealer: TotpSecretSealer,
  ) {}

  start(personId: string): Promise<TotpEnrolmentStart> {
    return this.writer.transaction(async (manager) => {
      const person = await this.mustFind(personId, manager);
      if (person.totpSecret !== null)
        throw new DomainError(
          'totp-already-enrolled',
          'a second factor is already on: turn it off with a code before enrolling another app',
          'conflict',
        );
      const secret = Uint8Array.from(randomBytes(TOTP_SECRET_BYTES));
      await this.people.update(manager, personId, { totpPendingSecret: this.sealer.seal(secret, personId) });
      return {
        secret: totpSecretBase32(secret),
        uri: totpUri(secret, issuerOf(this.options.service), person.username),
      };
    });
  }

  confirm(personId: string, code: string): Promise<PersonView> {
    return this.writer.transaction(async (manager) => {
      const person = await this.mustFind(personId, manager);
      if (person.totpPendingSecret === null)
        throw new DomainError('totp-not-started', 'start the enrolment first (POST /api/me/totp)', 'conflict');
      const secret = this.sealer.open(person.totpPendingSecret, personId);
      const step = verifyTotp({ secret, code, now: this.options.clock.now() });
      if (step === undefined)
        throw new DomainError(
          'totp-invalid',
          'the code does not match the secret being enrolled: check the app and its clock, then try its next code',
        );
      const changes = { totpSecret: person.totpPendingSecret, totpPendingSecret: null, totpLastStep: step };
      await this.people.update(manager, personId, changes);
      return personView({ ...person, ...changes });
    });
  }

  /** A wrong code counts toward the account's lockout, as at sign-in: a stolen session cannot guess its way. */
  async disable(
    personId: string,
    session: PersonSessionEntity | undefined,
    code: string | undefined,
  ): Promise<PersonView> {
    const outcome = await this.writer.transaction(async (manager) => {
      const person = await this.mustFind(personId, manager);
      if (person.totpSecret === null)
        throw new DomainError('totp-not-enrolled', 'no second factor is on for this person', 'conflict');
      const now = this.options.clock.now();
      if (isLocked(person, now))
        throw new DomainError('account-locked', `too many wrong codes: locked until ${person.lockedUntil}`, 'locked');
      if (session?.via !== 'link' || code !== undefined) {
        const step = verifyTotp({
          secret: this.sealer.open(person.totpSecret, personId),
          code: code ?? '',
          now,
          lastStep: person.totpLastStep,
        });
        if (step === undefined) {
          await this.people.update(manager, personId, afterFailedSignIn(person, now, this.options.settings.lockout));
          return 'wrong-code' as const;
        }
      }
      const changes = { totpSecret: null, totpPendingSecret: null, totpLastStep: null, ...UNLOCKED };
      await this.people.update(manager, personId, changes);
      return personView({ ...person, ...changes });
    });
    // Thrown after the commit, so the failure it counts is kept.
    if (outcome === 'wrong-code')
      throw new DomainError('totp-invalid', 'the code is wrong or already used', 'forbidden');
    return outcome;
  }

  private async mustFind(personId: string, manager: EntityManager): Promise<PersonEntity> {
    const person = await this.people.findById(personId, manager);
    if (!person) throw new DomainError('person-not-found', 'this person no longer exists here', 'not-found');
    return person;
  }
}

/** How the person's app lists this account: "bureaunet MR", "bureaunet registry". */
function issuerOf(service: ServiceView): string {
  return `bureaunet ${service.code ?? service.kind}`;
}

import { Inject, Injectable } from '@nestjs/common';
import { SerialWriter } from '@bureaunet/persistence';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts.options';
import type { PersonEntity } from '../person.entity';
import { PersonRepository } from '../person.repository';
import type { SecondFactor } from '../second-factor';
import { verifyTotp } from './totp.code';
import { TotpSecretSealer } from './totp-secret.sealer';

/**
 * The code of a person's authenticator app, asked after the right password of a person who
 * enrolled. Each code is good once: the step it was accepted for is written in the same
 * transaction that read the last one, so two sign-ins racing with one code cannot both pass.
 */
@Injectable()
export class TotpSecondFactor implements SecondFactor {
  constructor(
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
    private readonly writer: SerialWriter,
    private readonly people: PersonRepository,
    private readonly sealer: TotpSecretSealer,
  ) {}

  required(person: PersonEntity): boolean {
    return person.totpSecret !== null;
  }

  verify(person: PersonEntity, code: string): Promise<boolean> {
    return this.writer.transaction(async (manager) => {
      const current = await this.people.findById(person.id, manager);
      if (!current?.totpSecret) return false;
      const step = verifyTotp({
        secret: this.sealer.open(current.totpSecret, current.id),
        code,
        now: this.options.clock.now(),
        lastStep: current.totpLastStep,
      });
      if (step === undefined) return false;
      await this.people.update(manager, current.id, { totpLastStep: step });
      return true;
    });
  }
}

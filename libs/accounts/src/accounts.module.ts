import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PERSON_AUTHENTICATOR, systemClock } from '@bureaunet/platform/stateless';
import { ACCOUNT_ENTITIES } from './account.entities';
import { AccountsAuthenticator } from './accounts.authenticator';
import { ACCOUNTS_OPTIONS, type AccountsOptions, type ResolvedAccountsOptions } from './accounts.options';
import { readAccountsSettings } from './accounts.settings';
import { ApiTokenController } from './api-token.controller';
import { ApiTokenRepository } from './api-token.repository';
import { ApiTokenService } from './api-token.service';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { PersonRepository } from './person.repository';
import { PersonSessionRepository } from './person-session.repository';
import { ProfileController } from './profile.controller';
import { ProfileService } from './profile.service';
import { PublicUrl } from './public-url';
import { NO_SECOND_FACTOR, SECOND_FACTOR, type SecondFactor } from './second-factor';
import { SessionController } from './session.controller';
import { SessionService } from './session.service';
import { SignInLinkRepository } from './sign-in-link.repository';
import { SignInService } from './sign-in.service';

export interface AccountsModuleOptions extends AccountsOptions {
  /** The step after the password (TOTP); none by default. */
  secondFactor?: Type<SecondFactor>;
}

/**
 * A service's people: sign-in (password, one-time link), sessions with CSRF, personal API tokens,
 * and the administrator's people routes. Its PERSON_AUTHENTICATOR lets RoleGuard admit people
 * beside the static role tokens. The service lists ACCOUNT_ENTITIES among its entities.
 */
@Module({})
export class AccountsModule {
  static forRoot(options: AccountsModuleOptions): DynamicModule {
    const resolved: ResolvedAccountsOptions = {
      service: options.service,
      roles: options.roles,
      clock: options.clock ?? systemClock,
      settings: options.settings ?? readAccountsSettings(),
    };
    return {
      module: AccountsModule,
      imports: [TypeOrmModule.forFeature(ACCOUNT_ENTITIES)],
      controllers: [SessionController, ProfileController, ApiTokenController, PeopleController],
      providers: [
        { provide: ACCOUNTS_OPTIONS, useValue: resolved },
        options.secondFactor
          ? { provide: SECOND_FACTOR, useClass: options.secondFactor }
          : { provide: SECOND_FACTOR, useValue: NO_SECOND_FACTOR },
        PersonRepository,
        PersonSessionRepository,
        ApiTokenRepository,
        SignInLinkRepository,
        PublicUrl,
        SessionService,
        SignInService,
        ProfileService,
        PeopleService,
        ApiTokenService,
        AccountsAuthenticator,
        { provide: PERSON_AUTHENTICATOR, useExisting: AccountsAuthenticator },
      ],
      exports: [PERSON_AUTHENTICATOR, ACCOUNTS_OPTIONS, PersonRepository, SessionService, SignInService, PeopleService],
    };
  }
}

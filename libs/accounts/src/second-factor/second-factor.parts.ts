import type { Provider, Type } from '@nestjs/common';
import { OIDC_SETTINGS, OidcSignInService } from '../oidc/oidc-sign-in.service';
import { OidcController } from '../oidc/oidc.controller';
import { readOidcSettings, type OidcSettings } from '../oidc/oidc.config';
import { SignInMethodsController } from '../oidc/sign-in-methods.controller';
import { SECOND_FACTOR } from '../second-factor';
import { TotpController } from './totp.controller';
import { TotpEnrolmentService } from './totp-enrolment.service';
import { totpSecretSealerProvider } from './totp-secret.sealer.provider';
import { TotpSecondFactor } from './totp.second-factor';

export interface SignInFactorOptions {
  /** The service's data folder: TOTP secrets are sealed under a key kept there. Without it, no TOTP. */
  dataDir?: string;
  /** The bureau's OpenID Connect provider; read from OIDC_* when absent, off when null. */
  oidc?: OidcSettings | null;
}

export interface SignInFactorParts {
  controllers: Type[];
  providers: Provider[];
  /** The SECOND_FACTOR provider, when TOTP is on. */
  secondFactor?: Provider;
}

/** What the TOTP second factor and single sign-on add to AccountsModule: their routes and services. */
export function signInFactorParts(options: SignInFactorOptions): SignInFactorParts {
  const oidc = options.oidc === undefined ? readOidcSettings() : (options.oidc ?? undefined);
  const controllers: Type[] = [SignInMethodsController, OidcController];
  const providers: Provider[] = [{ provide: OIDC_SETTINGS, useValue: oidc }, OidcSignInService];
  if (options.dataDir === undefined) return { controllers, providers };
  controllers.push(TotpController);
  providers.push(totpSecretSealerProvider(options.dataDir), TotpEnrolmentService, TotpSecondFactor);
  return { controllers, providers, secondFactor: { provide: SECOND_FACTOR, useExisting: TotpSecondFactor } };
}

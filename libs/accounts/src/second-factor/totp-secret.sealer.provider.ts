import type { Provider } from '@nestjs/common';
import { TotpSecretSealer } from './totp-secret.sealer';
import { loadTotpSealingKey } from './totp-sealing-key.file';

/** The sealer of this service's TOTP secrets, keyed from its data folder. */
export function totpSecretSealerProvider(dataDir: string): Provider {
  return { provide: TotpSecretSealer, useFactory: () => new TotpSecretSealer(loadTotpSealingKey(dataDir)) };
}

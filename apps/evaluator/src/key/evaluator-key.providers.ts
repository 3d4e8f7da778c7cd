import { Logger, type Provider } from '@nestjs/common';
import { createSodiumPoprf, type Poprf } from '@bureaunet/oprf';
import { EVALUATOR_CONFIG, type EvaluatorConfig } from '../evaluator.config';
import { EVALUATOR_KEY, POPRF, deriveEvaluatorKey } from './evaluator-key';
import { loadOrCreatePoprfSeed } from './poprf-seed.file';

/** libsodium's POPRF (loaded once), and the key derived from the seed in the data folder. */
export const EVALUATOR_KEY_PROVIDERS: Provider[] = [
  { provide: POPRF, useFactory: () => createSodiumPoprf() },
  {
    provide: EVALUATOR_KEY,
    inject: [POPRF, EVALUATOR_CONFIG],
    useFactory: (poprf: Poprf, config: EvaluatorConfig) => {
      const logger = new Logger('EvaluatorKey');
      const key = deriveEvaluatorKey(poprf, loadOrCreatePoprfSeed(config.dataDir, { logger }));
      logger.log(`answering with key ${key.keyId}`);
      return key;
    },
  },
];

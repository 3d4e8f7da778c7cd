import { Module, type DynamicModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TerminusModule } from '@nestjs/terminus';
import {
  CLOCK,
  ReadinessLogger,
  RoleTokens,
  roleGuardProviders,
  systemClock,
  type Clock,
} from '@bureaunet/platform/stateless';
import { TransportModule } from '@bureaunet/transport';
import { ActivityReporter } from './activity/activity.reporter';
import { EvaluationActivity } from './activity/evaluation.activity';
import { EVALUATOR_CONFIG, type EvaluatorConfig } from './evaluator.config';
import { EvaluationHandler } from './evaluation/evaluation.handler';
import { EvaluationService } from './evaluation/evaluation.service';
import { HealthController } from './health/health.controller';
import { EVALUATOR_HEALTH_PROVIDERS } from './health/health.providers';
import { EVALUATOR_KEY_PROVIDERS } from './key/evaluator-key.providers';
import { BureauRateLimiter } from './rate/bureau-rate.limiter';

/**
 * The hub's evaluator: the POPRF key and nothing else. No database, no index, no stream: it
 * answers blind evaluations over core NATS, and any number of copies with the same seed can run.
 */
@Module({})
export class EvaluatorModule {
  static forRoot(config: EvaluatorConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: EvaluatorModule,
      imports: [
        TransportModule.forRoot({ servers: config.natsUrl, name: 'evaluator', ...config.nats }),
        TerminusModule.forRoot({ logger: ReadinessLogger }),
        ScheduleModule.forRoot(),
      ],
      controllers: [EvaluationHandler, HealthController],
      providers: [
        // No tokens: the health routes are @Public, and any other route would admit nobody.
        ...roleGuardProviders(() => new RoleTokens([])),
        { provide: EVALUATOR_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        ...EVALUATOR_KEY_PROVIDERS,
        {
          provide: BureauRateLimiter,
          useFactory: () =>
            new BureauRateLimiter({ perSecond: config.ratePerSecond, capacity: config.burst }, () =>
              clock.now().getTime(),
            ),
        },
        EvaluationActivity,
        ActivityReporter,
        EvaluationService,
        ...EVALUATOR_HEALTH_PROVIDERS,
      ],
    };
  }
}

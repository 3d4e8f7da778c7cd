import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { EVALUATOR_CONFIG, type EvaluatorConfig } from '../evaluator.config';
import { EvaluationActivity } from './evaluation.activity';

/** Its timer in the SchedulerRegistry. */
export const ACTIVITY_REPORT_INTERVAL = 'evaluator.activity-report';

/** One log line per period with the counts per bureau (and nothing when nobody asked). */
@Injectable()
export class ActivityReporter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EvaluatorActivity');

  constructor(
    private readonly activity: EvaluationActivity,
    @Inject(EVALUATOR_CONFIG) private readonly config: EvaluatorConfig,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const timer = setInterval(() => this.report(), this.config.activityLogMs);
    timer.unref();
    this.scheduler.addInterval(ACTIVITY_REPORT_INTERVAL, timer);
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', ACTIVITY_REPORT_INTERVAL))
      this.scheduler.deleteInterval(ACTIVITY_REPORT_INTERVAL);
    this.report();
  }

  report(): void {
    const bureaus = this.activity.takeReport();
    if (bureaus) this.logger.log({ msg: `evaluations in the last ${this.config.activityLogMs} ms`, bureaus });
  }
}

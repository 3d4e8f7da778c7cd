import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RULES_GET_SUBJECT, type RuleBundle } from '@bureaunet/contracts';
import { WireExceptionFilter } from '@bureaunet/transport';
import { RulesService } from './rules.service';

/** The rule bundle over NATS request/reply, for the gateway. */
@Controller()
@UseFilters(WireExceptionFilter)
export class RulesHandler {
  constructor(private readonly rules: RulesService) {}

  @MessagePattern(RULES_GET_SUBJECT)
  get(): Promise<RuleBundle> {
    return this.rules.bundle();
  }
}

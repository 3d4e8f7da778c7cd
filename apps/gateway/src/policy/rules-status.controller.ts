import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@bureaunet/platform';
import { RulesCache } from './rules.cache';

/** Which access rules version the gateway decides with: a readiness signal for operators and tests. */
@ApiTags('health')
@Public()
@Controller('api/rules')
export class RulesStatusController {
  constructor(private readonly rules: RulesCache) {}

  @Get('status')
  @ApiOkResponse({
    description:
      '{version: the rules version in force (null before the first load), loadedAt, announced: the newest version the registry announced}',
  })
  status(): { version: number | null; loadedAt: string | null; announced: number } {
    return this.rules.status();
  }
}

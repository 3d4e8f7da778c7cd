import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@bureaunet/platform';
import { HealthDto } from './health.dto';
import { HealthService } from './health.service';

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Liveness, which bureau this node is, and how many dead letters wait' })
  @ApiOkResponse({ type: HealthDto })
  get(): Promise<HealthDto> {
    return this.health.status();
  }
}

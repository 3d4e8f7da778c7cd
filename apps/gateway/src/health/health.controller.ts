import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { BUREAU_IDENTITY, BureauIdentity } from '@bureaunet/identity';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(@Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity) {}

  @Get()
  health(): { status: 'ok'; service: 'gateway'; signingKid: string } {
    return { status: 'ok', service: 'gateway', signingKid: this.identity.signing.kid };
  }
}

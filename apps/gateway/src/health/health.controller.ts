import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { BUREAU_IDENTITY, BureauIdentity, identityExpiry, type IdentityExpiry } from '@bureaunet/identity';
import { CLOCK, type Clock, Public } from '@bureaunet/platform';
import { GatewayDeadLetterService } from '../dead-letter/dead-letter.service';

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
    private readonly deadLetters: GatewayDeadLetterService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** deadLetters: messages parked and waiting for an administrator (GET /api/admin/dead-letters). */
  @Get()
  async health(): Promise<{
    status: 'ok';
    service: 'gateway';
    signingKid: string;
    certificates: IdentityExpiry;
    deadLetters: number;
  }> {
    return {
      status: 'ok',
      service: 'gateway',
      signingKid: this.identity.signing.kid,
      certificates: identityExpiry(this.identity, this.clock.now()),
      deadLetters: await this.deadLetters.countWaiting(),
    };
  }
}

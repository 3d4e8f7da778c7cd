import { Controller, Get, Inject, UseFilters } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CA_TRUST_SUBJECT, type CaTrust } from '@bureaunet/contracts';
import { Public } from '@bureaunet/platform';
import { WireExceptionFilter } from '@bureaunet/transport';
import { CA_TRUST } from './ca-trust.provider';

/** The CAs to trust, over NATS (bureaus' renewal checks) and HTTP (GET /api/pki/trust). */
@ApiTags('pki')
@Controller('api/pki')
@UseFilters(WireExceptionFilter)
export class CaTrustHandler {
  constructor(@Inject(CA_TRUST) private readonly trust: CaTrust) {}

  @MessagePattern(CA_TRUST_SUBJECT)
  onRequest(): CaTrust {
    return this.trust;
  }

  @Public()
  @Get('trust')
  @ApiOkResponse({ description: '{issuing, link?, previous[]}: PEM certificates of the CAs to trust' })
  get(): CaTrust {
    return this.trust;
  }
}

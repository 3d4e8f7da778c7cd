import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { EnrolResponse } from '@bureaunet/contracts';
import { Public } from '@bureaunet/platform';
import { EnrolResponseDto } from '../enrolment/enrolment.dto';
import { RenewRequestDto } from './renewal.dto';
import { RenewalService } from './renewal.service';

@ApiTags('pki')
@Public()
@Controller('api/pki')
export class RenewalController {
  constructor(private readonly renewal: RenewalService) {}

  @Post('renew')
  @ApiCreatedResponse({ type: EnrolResponseDto })
  @ApiUnauthorizedResponse({
    description: 'renewal-not-enrolled | -key-unknown | -signature-invalid | -request-stale | -certificate-expired',
  })
  @ApiBadRequestResponse({ description: 'csr-invalid | key-binding-invalid | renewal-same-key | invalid-request' })
  renew(@Body() body: RenewRequestDto): Promise<EnrolResponse> {
    return this.renewal.renew(body.code, body.request);
  }
}

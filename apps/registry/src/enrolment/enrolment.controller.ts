import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { EnrolResponse } from '@bureaunet/contracts';
import { Public } from '@bureaunet/platform';
import { EnrolRequestDto, EnrolResponseDto } from './enrolment.dto';
import { EnrolmentService } from './enrolment.service';

@ApiTags('pki')
@Public()
@Controller('api/pki')
export class EnrolmentController {
  constructor(private readonly enrolment: EnrolmentService) {}

  @Post('enrol')
  @ApiCreatedResponse({ type: EnrolResponseDto })
  @ApiUnauthorizedResponse({ description: 'enrolment-token-invalid | -used | -wrong-bureau | -expired' })
  @ApiBadRequestResponse({ description: 'csr-invalid | key-binding-invalid | invalid-request' })
  enrol(@Body() body: EnrolRequestDto): Promise<EnrolResponse> {
    return this.enrolment.enrol(body);
  }
}

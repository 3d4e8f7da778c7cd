import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Audited, Roles } from '@bureaunet/platform';
import { BureauOverviewDto, CertificatesOverviewDto, CertificatesQueryDto } from './registry-overview.dto';
import { RegistryOverviewService } from './registry-overview.service';

@ApiTags('admin')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: 'role-forbidden: administrators only' })
@Roles('admin')
@Controller('api/admin')
export class RegistryOverviewController {
  constructor(private readonly overview: RegistryOverviewService) {}

  @Get('bureaus')
  @Audited('registry.bureaus.list')
  @ApiOkResponse({ type: [BureauOverviewDto], description: 'Every bureau, by code' })
  bureaus(): Promise<BureauOverviewDto[]> {
    return this.overview.bureauList();
  }

  @Get('certificates')
  @Audited('registry.certificates.list')
  @ApiOkResponse({
    type: CertificatesOverviewDto,
    description: 'Certificates with expiry and revocation state, and how fresh the revocation news is',
  })
  @ApiBadRequestResponse({ description: 'invalid-request' })
  certificates(@Query() query: CertificatesQueryDto): Promise<CertificatesOverviewDto> {
    return this.overview.certificateList(query.code);
  }
}

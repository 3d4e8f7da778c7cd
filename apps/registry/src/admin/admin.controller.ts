import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { DirectoryEntry } from '@bureaunet/contracts';
import { Audited, Roles } from '@bureaunet/platform';
import { BureauService } from './bureau.service';
import { BureauCodeParamDto, DirectoryEntryDto } from '../directory/directory.dto';
import { CreateEnrolmentTokenDto, EnrolmentTokenDto } from '../enrolment/enrolment.dto';
import { EnrolmentService, type IssuedEnrolmentToken } from '../enrolment/enrolment.service';
import { CertificateSerialParamDto } from './admin.dto';

@ApiTags('admin')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: 'role-forbidden: the token is not an admin token' })
@Roles('admin')
@Controller('api/admin')
export class AdminController {
  constructor(
    private readonly enrolment: EnrolmentService,
    private readonly bureaus: BureauService,
  ) {}

  @Post('enrolment-tokens')
  @Audited('enrolment.token-issue', { target: (request) => bodyCode(request.body) })
  @ApiCreatedResponse({ type: EnrolmentTokenDto, description: 'Registers the bureau (active) when it is new' })
  issueEnrolmentToken(@Body() body: CreateEnrolmentTokenDto): Promise<IssuedEnrolmentToken> {
    return this.enrolment.issueToken(body.code);
  }

  @Post('bureaus/:code/suspend')
  @Audited('bureau.suspend', { target: 'code' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: DirectoryEntryDto })
  @ApiNotFoundResponse({ description: 'unknown-bureau' })
  @ApiConflictResponse({ description: 'bureau-already-suspended' })
  suspend(@Param() params: BureauCodeParamDto): Promise<DirectoryEntry> {
    return this.bureaus.suspend(params.code);
  }

  @Post('bureaus/:code/reinstate')
  @Audited('bureau.reinstate', { target: 'code' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: DirectoryEntryDto })
  @ApiNotFoundResponse({ description: 'unknown-bureau' })
  @ApiConflictResponse({ description: 'bureau-not-suspended' })
  reinstate(@Param() params: BureauCodeParamDto): Promise<DirectoryEntry> {
    return this.bureaus.reinstate(params.code);
  }

  @Post('bureaus/:code/revoke')
  @Audited('bureau.revoke', { target: 'code' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: DirectoryEntryDto, description: 'Revokes the bureau’s current certificates' })
  @ApiNotFoundResponse({ description: 'unknown-bureau' })
  @ApiConflictResponse({ description: 'no-current-certificates' })
  revokeBureau(@Param() params: BureauCodeParamDto): Promise<DirectoryEntry> {
    return this.bureaus.revokeCertificates(params.code);
  }

  @Post('certificates/:serial/revoke')
  @Audited('certificate.revoke', { target: 'serial' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: DirectoryEntryDto, description: 'The entry of the bureau the certificate belongs to' })
  @ApiNotFoundResponse({ description: 'unknown-certificate' })
  @ApiConflictResponse({ description: 'certificate-already-revoked' })
  revokeCertificate(@Param() params: CertificateSerialParamDto): Promise<DirectoryEntry> {
    return this.bureaus.revokeCertificate(params.serial);
  }
}

/** The bureau an enrolment token is issued for, as the body names it. */
function bodyCode(body: unknown): string | undefined {
  const code = (body as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

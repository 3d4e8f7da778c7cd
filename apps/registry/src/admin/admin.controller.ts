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
import { Roles } from '@bureaunet/platform';
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
  @ApiCreatedResponse({ type: EnrolmentTokenDto, description: 'Registers the bureau (active) when it is new' })
  issueEnrolmentToken(@Body() body: CreateEnrolmentTokenDto): Promise<IssuedEnrolmentToken> {
    return this.enrolment.issueToken(body.code);
  }

  @Post('bureaus/:code/suspend')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: DirectoryEntryDto })
  @ApiNotFoundResponse({ description: 'unknown-bureau' })
  @ApiConflictResponse({ description: 'bureau-already-suspended' })
  suspend(@Param() params: BureauCodeParamDto): Promise<DirectoryEntry> {
    return this.bureaus.suspend(params.code);
  }

  @Post('bureaus/:code/reinstate')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: DirectoryEntryDto })
  @ApiNotFoundResponse({ description: 'unknown-bureau' })
  @ApiConflictResponse({ description: 'bureau-not-suspended' })
  reinstate(@Param() params: BureauCodeParamDto): Promise<DirectoryEntry> {
    return this.bureaus.reinstate(params.code);
  }

  @Post('bureaus/:code/revoke')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: DirectoryEntryDto, description: 'Revokes the bureau’s current certificates' })
  @ApiNotFoundResponse({ description: 'unknown-bureau' })
  @ApiConflictResponse({ description: 'no-current-certificates' })
  revokeBureau(@Param() params: BureauCodeParamDto): Promise<DirectoryEntry> {
    return this.bureaus.revokeCertificates(params.code);
  }

  @Post('certificates/:serial/revoke')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: DirectoryEntryDto, description: 'The entry of the bureau the certificate belongs to' })
  @ApiNotFoundResponse({ description: 'unknown-certificate' })
  @ApiConflictResponse({ description: 'certificate-already-revoked' })
  revokeCertificate(@Param() params: CertificateSerialParamDto): Promise<DirectoryEntry> {
    return this.bureaus.revokeCertificate(params.serial);
  }
}

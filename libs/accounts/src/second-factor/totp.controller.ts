import { Body, Controller, Delete, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Audited, CurrentCaller, ROLES, Roles, type Caller } from '@bureaunet/platform/stateless';
import { personIdOf } from '../caller-person';
import { PersonViewDto } from '../person.dto';
import type { PersonView } from '../person.view';
import { sessionOfRequest } from '../request-session';
import { TotpCodeDto, TotpDisableDto, TotpEnrolmentStartDto } from './totp.dto';
import { TotpEnrolmentService, type TotpEnrolmentStart } from './totp-enrolment.service';

/** A person's own second factor (TOTP): enrol in two steps, turn off with a code. */
@ApiTags('me')
@ApiForbiddenResponse({ description: 'person-required | csrf-missing | csrf-invalid' })
@Roles(...ROLES)
@Controller('api/me/totp')
export class TotpController {
  constructor(private readonly enrolment: TotpEnrolmentService) {}

  @Post()
  @Audited('me.totp.start')
  @ApiCreatedResponse({ type: TotpEnrolmentStartDto, description: 'A new secret, not in force until confirmed' })
  @ApiConflictResponse({ description: 'totp-already-enrolled' })
  start(@CurrentCaller() caller: Caller | undefined): Promise<TotpEnrolmentStart> {
    return this.enrolment.start(personIdOf(caller));
  }

  @Post('confirm')
  @Audited('me.totp.confirm')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PersonViewDto, description: 'In force: sign-in asks for a code from now on' })
  @ApiBadRequestResponse({ description: 'totp-invalid' })
  @ApiConflictResponse({ description: 'totp-not-started' })
  confirm(@CurrentCaller() caller: Caller | undefined, @Body() body: TotpCodeDto): Promise<PersonView> {
    return this.enrolment.confirm(personIdOf(caller), body.code);
  }

  @Delete()
  @Audited('me.totp.remove')
  @ApiOkResponse({ type: PersonViewDto, description: 'Off: sign-in asks for the password only' })
  @ApiForbiddenResponse({ description: 'totp-invalid (counted toward the lockout)' })
  @ApiConflictResponse({ description: 'totp-not-enrolled' })
  disable(
    @CurrentCaller() caller: Caller | undefined,
    @Req() request: Request,
    @Body() body: TotpDisableDto,
  ): Promise<PersonView> {
    return this.enrolment.disable(personIdOf(caller), sessionOfRequest(request), body.code);
  }
}

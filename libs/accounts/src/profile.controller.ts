import { Body, Controller, Get, HttpCode, HttpStatus, Put, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentCaller, ROLES, Roles, type Caller } from '@bureaunet/platform/stateless';
import { personIdOf } from './caller-person';
import { PersonViewDto } from './person.dto';
import type { PersonView } from './person.view';
import { PasswordChangeDto, PreferencesDto } from './profile.dto';
import { ProfileService } from './profile.service';
import { sessionOfRequest } from './request-session';

/** The signed-in person's own profile: any role, a person only (403 person-required for a role token). */
@ApiTags('me')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'person-required | csrf-missing | csrf-invalid' })
@Roles(...ROLES)
@Controller('api/me')
export class ProfileController {
  constructor(private readonly profile: ProfileService) {}

  @Get()
  @ApiOkResponse({ type: PersonViewDto })
  me(@CurrentCaller() caller: Caller | undefined): Promise<PersonView> {
    return this.profile.me(personIdOf(caller));
  }

  @Put('preferences')
  @ApiOkResponse({ type: PersonViewDto })
  setPreferences(@CurrentCaller() caller: Caller | undefined, @Body() body: PreferencesDto): Promise<PersonView> {
    return this.profile.setPreferences(personIdOf(caller), body);
  }

  @Put('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Set; the person’s other sessions are closed' })
  @ApiBadRequestResponse({ description: 'password-too-short | password-too-long | current-password-required' })
  async setPassword(
    @CurrentCaller() caller: Caller | undefined,
    @Req() request: Request,
    @Body() body: PasswordChangeDto,
  ): Promise<void> {
    await this.profile.changePassword(personIdOf(caller), sessionOfRequest(request), body);
  }
}

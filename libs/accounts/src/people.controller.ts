import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@bureaunet/platform/stateless';
import {
  CreatePersonDto,
  PersonAdminViewDto,
  PersonIdParamDto,
  SignInLinkViewDto,
  UpdatePersonDto,
} from './person.dto';
import { PeopleService, type IssuedSignInLink } from './people.service';
import type { PersonAdminView } from './person.view';

/** The administrator's people and roles (a person with the admin role, or the static admin token: how the first one is made). */
@ApiTags('people')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'role-forbidden: administrators only' })
@Roles('admin')
@Controller('api/people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @ApiOkResponse({ type: [PersonAdminViewDto] })
  list(): Promise<PersonAdminView[]> {
    return this.people.list();
  }

  @Post()
  @ApiCreatedResponse({ type: PersonAdminViewDto, description: 'Made without a password: send them a sign-in link' })
  @ApiConflictResponse({ description: 'username-taken | too-many-people' })
  create(@Body() body: CreatePersonDto): Promise<PersonAdminView> {
    return this.people.create(body);
  }

  @Patch(':id')
  @ApiOkResponse({ type: PersonAdminViewDto, description: 'Disabling closes the person’s sessions at once' })
  @ApiNotFoundResponse({ description: 'person-not-found' })
  update(@Param() params: PersonIdParamDto, @Body() body: UpdatePersonDto): Promise<PersonAdminView> {
    return this.people.update(params.id, body);
  }

  @Post(':id/unlock')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PersonAdminViewDto })
  @ApiNotFoundResponse({ description: 'person-not-found' })
  unlock(@Param() params: PersonIdParamDto): Promise<PersonAdminView> {
    return this.people.unlock(params.id);
  }

  @Post(':id/sign-in-link')
  @ApiCreatedResponse({
    type: SignInLinkViewDto,
    description: 'One-time, 15 minutes; replaces any earlier link of the person',
  })
  @ApiNotFoundResponse({ description: 'person-not-found' })
  @ApiConflictResponse({ description: 'account-disabled' })
  issueSignInLink(@Param() params: PersonIdParamDto): Promise<IssuedSignInLink> {
    return this.people.issueSignInLink(params.id);
  }
}

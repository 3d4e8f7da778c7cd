import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { CountryGroup } from '@bureaunet/contracts';
import { Audited, CurrentCaller, Roles, type Caller } from '@bureaunet/platform';
import { authorOf } from '../rules-change/caller-role';
import {
  CountryGroupIdParamDto,
  CreateCountryGroupDto,
  PreviewCountryGroupDto,
  UpdateCountryGroupDto,
} from './country-group.dto';
import { CountryGroupPreview, type GroupChangePreview } from './country-group.preview';
import { CountryGroupService } from './country-group.service';

@ApiTags('rules')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: 'role-forbidden' })
@Controller('api/rules/groups')
export class CountryGroupController {
  constructor(
    private readonly groups: CountryGroupService,
    private readonly previews: CountryGroupPreview,
  ) {}

  @Get()
  @Audited('group.list')
  @Roles('admin', 'auditor')
  list(): Promise<CountryGroup[]> {
    return this.groups.list();
  }

  @Post()
  @Audited('group.create')
  @Roles('admin')
  @ApiBadRequestResponse({ description: 'group-invalid (unknown members, too many groups)' })
  @ApiConflictResponse({ description: 'group-exists' })
  create(
    @Body() body: CreateCountryGroupDto,
    @CurrentCaller() caller: Caller | undefined,
  ): Promise<CountryGroup & { version: number }> {
    return this.groups.create(body, authorOf(caller));
  }

  @Post('preview')
  @Audited('group.preview')
  @Roles('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Members added and removed, the policies naming the group, the decisions that change' })
  @ApiNotFoundResponse({ description: 'unknown-group' })
  preview(@Body() body: PreviewCountryGroupDto): Promise<GroupChangePreview> {
    return this.previews.preview(body);
  }

  @Put(':id')
  @Audited('group.update', { target: 'id' })
  @Roles('admin')
  @ApiBadRequestResponse({ description: 'group-invalid' })
  @ApiNotFoundResponse({ description: 'unknown-group' })
  update(
    @Param() params: CountryGroupIdParamDto,
    @Body() body: UpdateCountryGroupDto,
    @CurrentCaller() caller: Caller | undefined,
  ): Promise<CountryGroup & { version: number }> {
    return this.groups.update(params.id, body, authorOf(caller));
  }

  @Delete(':id')
  @Audited('group.delete', { target: 'id' })
  @Roles('admin')
  @ApiNotFoundResponse({ description: 'unknown-group' })
  @ApiConflictResponse({ description: 'group-in-use: policies name it' })
  remove(
    @Param() params: CountryGroupIdParamDto,
    @CurrentCaller() caller: Caller | undefined,
  ): Promise<{ version: number }> {
    return this.groups.remove(params.id, authorOf(caller));
  }
}

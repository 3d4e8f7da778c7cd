import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Declaration } from '@bureaunet/contracts';
import { Audited, CurrentCaller, Roles, type Caller } from '@bureaunet/platform';
import { authorOf } from '../rules-change/caller-role';
import { DeclarationService } from './declaration.service';
import { RulesCheckService, type RulesCheckResult } from './rules-check.service';
import { ChangeRulesDto, CheckRulesDto, CreateDeclarationDto, DeclarationIdParamDto } from './rules.dto';
import { RulesService, type RulesView } from './rules.service';

@ApiTags('rules')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: 'role-forbidden' })
@Controller('api/rules')
export class RulesController {
  constructor(
    private readonly rules: RulesService,
    private readonly checks: RulesCheckService,
    private readonly declarations: DeclarationService,
  ) {}

  @Get()
  @Audited('rules.show')
  @Roles('admin', 'auditor')
  @ApiOkResponse({ description: 'The rules in force: version, policy text, schema, limits, declarations, operations' })
  get(): Promise<RulesView> {
    return this.rules.view();
  }

  @Put()
  @Audited('rules.change')
  @Roles('admin')
  @ApiOkResponse({ description: 'The new rules in force, with the validator’s warnings' })
  @ApiBadRequestResponse({
    description: 'policy-invalid (with the validator’s messages; the set in force stays) | rules-invalid',
  })
  change(
    @Body() body: ChangeRulesDto,
    @CurrentCaller() caller: Caller | undefined,
  ): Promise<RulesView & { warnings: string[] }> {
    return this.rules.change(body, authorOf(caller));
  }

  @Post('check')
  @Audited('rules.check')
  @Roles('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: '{decision: allow|deny, policies, refusal?, version, candidate}' })
  check(@Body() body: CheckRulesDto): Promise<RulesCheckResult> {
    return this.checks.check(body);
  }

  @Get('declarations')
  @Audited('declaration.list')
  @Roles('admin', 'auditor')
  listDeclarations(): Promise<Declaration[]> {
    return this.declarations.list();
  }

  @Post('declarations')
  @Audited('declaration.add')
  @Roles('admin')
  @ApiBadRequestResponse({ description: 'declaration-invalid' })
  addDeclaration(
    @Body() body: CreateDeclarationDto,
    @CurrentCaller() caller: Caller | undefined,
  ): Promise<Declaration & { version: number }> {
    return this.declarations.add(body, authorOf(caller));
  }

  @Delete('declarations/:id')
  @Audited('declaration.remove', { target: 'id' })
  @Roles('admin')
  removeDeclaration(
    @Param() params: DeclarationIdParamDto,
    @CurrentCaller() caller: Caller | undefined,
  ): Promise<{ version: number }> {
    return this.declarations.remove(params.id, authorOf(caller));
  }
}

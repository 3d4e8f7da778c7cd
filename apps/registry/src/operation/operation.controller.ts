import { Body, Controller, Get, Headers, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Operation } from '@bureaunet/contracts';
import { Audited, Roles } from '@bureaunet/platform';
import { CallerRole } from '../rules-change/caller-role';
import { CreateOperationDto } from './operation.dto';
import { OperationService } from './operation.service';

@ApiTags('operations')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: 'role-forbidden' })
@Controller('api/operations')
export class OperationController {
  constructor(
    private readonly operations: OperationService,
    private readonly caller: CallerRole,
  ) {}

  @Get()
  @Audited('operation.list')
  @Roles('admin', 'coordinator', 'auditor')
  list(): Promise<Operation[]> {
    return this.operations.list();
  }

  @Post()
  @Audited('operation.create')
  @Roles('admin', 'coordinator')
  @ApiBadRequestResponse({ description: 'operation-invalid' })
  @ApiConflictResponse({ description: 'operation-exists' })
  create(
    @Body() body: CreateOperationDto,
    @Headers('authorization') authorization?: string,
  ): Promise<Operation & { version: number }> {
    return this.operations.create(body, this.caller.of(authorization));
  }
}

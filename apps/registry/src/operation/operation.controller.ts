import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Operation } from '@bureaunet/contracts';
import { Audited, CurrentCaller, Roles, type Caller } from '@bureaunet/platform';
import { authorOf } from '../rules-change/caller-role';
import { CreateOperationDto } from './operation.dto';
import { OperationService } from './operation.service';

@ApiTags('operations')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: 'role-forbidden' })
@Controller('api/operations')
export class OperationController {
  constructor(private readonly operations: OperationService) {}

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
    @CurrentCaller() caller: Caller | undefined,
  ): Promise<Operation & { version: number }> {
    return this.operations.create(body, authorOf(caller));
  }
}

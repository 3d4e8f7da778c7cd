import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Operation, OperationChanged, OperationHistory } from '@bureaunet/contracts';
import { Audited, CurrentCaller, Roles, type Caller } from '@bureaunet/platform';
import { authorOf } from '../rules-change/caller-role';
import { AmendOperationDto, CreateOperationDto, EndOperationDto } from './operation.dto';
import { OperationService } from './operation.service';

const ADMIN = { kind: 'admin' } as const;

/**
 * The registry administrator's view of every operation. Coordinators create and change their own
 * bureau's operations at their node, which relays them here bound to that bureau.
 */
@ApiTags('operations')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: 'role-forbidden' })
@Controller('api/operations')
export class OperationController {
  constructor(private readonly operations: OperationService) {}

  @Get()
  @Audited('operation.list')
  @Roles('admin', 'auditor')
  list(): Promise<Operation[]> {
    return this.operations.list();
  }

  @Post()
  @Audited('operation.create')
  @Roles('admin')
  @ApiOperation({ summary: 'Create an operation for any coordinator (administrator; a coordinator uses its node)' })
  @ApiBadRequestResponse({ description: 'operation-invalid' })
  @ApiConflictResponse({ description: 'operation-exists' })
  async create(
    @Body() body: CreateOperationDto,
    @CurrentCaller() caller: Caller | undefined,
  ): Promise<Operation & { version: number }> {
    const { operation, version } = await this.operations.create(body, authorOf(caller));
    return { ...operation, version };
  }

  @Get(':id/history')
  @Audited('operation.history', { target: 'id' })
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: 'The operation and each of its changes (creation, amendments, early end)' })
  @ApiNotFoundResponse({ description: 'operation-not-found' })
  history(@Param('id') id: string): Promise<OperationHistory> {
    return this.operations.history(id, ADMIN);
  }

  @Patch(':id')
  @Audited('operation.amend', { target: 'id' })
  @Roles('admin')
  @ApiOperation({ summary: 'Rename, add or remove participants, extend the end (administrator)' })
  @ApiBadRequestResponse({ description: 'operation-invalid' })
  @ApiNotFoundResponse({ description: 'operation-not-found' })
  @ApiConflictResponse({ description: 'operation-ended' })
  amend(
    @Param('id') id: string,
    @Body() body: AmendOperationDto,
    @CurrentCaller() caller: Caller | undefined,
  ): Promise<OperationChanged> {
    return this.operations.amend(id, body, ADMIN, authorOf(caller));
  }

  @Post(':id/end')
  @Audited('operation.end', { target: 'id' })
  @Roles('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'End the operation now, with a reason (administrator)' })
  @ApiNotFoundResponse({ description: 'operation-not-found' })
  @ApiConflictResponse({ description: 'operation-ended' })
  end(
    @Param('id') id: string,
    @Body() body: EndOperationDto,
    @CurrentCaller() caller: Caller | undefined,
  ): Promise<OperationChanged> {
    return this.operations.end(id, body.reason, ADMIN, authorOf(caller));
  }
}

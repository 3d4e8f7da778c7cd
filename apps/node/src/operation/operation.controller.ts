import { Body, Controller, Get, Header, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Audited, CurrentCaller, Roles, actorOf, type Caller } from '@bureaunet/platform';
import { SentMessageDto } from '../message/message.dto';
import {
  AlertDto,
  AlertSentDto,
  AmendOperationDto,
  CreateOperationDto,
  EndOperationDto,
  OperationChangedDto,
  OperationDto,
  OperationReportDto,
  ReplyDto,
  ReportQueryDto,
  SendAlertDto,
} from './operation.dto';
import { OperationReportService } from './operation-report.service';
import { OperationService } from './operation.service';

@ApiTags('operations')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: "role-forbidden: the token's role may not call this route" })
@Roles('officer', 'coordinator', 'admin')
@Controller('api/operations')
export class OperationController {
  constructor(
    private readonly operations: OperationService,
    private readonly reports: OperationReportService,
  ) {}

  @Get()
  @Audited('operation.list')
  @ApiOperation({
    summary: 'Operations this bureau coordinates or takes part in, as the registry has them now',
  })
  @ApiOkResponse({ type: [OperationDto] })
  list(): Promise<OperationDto[]> {
    return this.operations.list();
  }

  @Post()
  @Audited('operation.create', { target: (request) => (request.body as { id?: string } | null)?.id })
  @Roles('coordinator')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Create an operation coordinated by this bureau (the registry binds it to this node’s bureau)',
  })
  @ApiCreatedResponse({ type: OperationChangedDto })
  @ApiBadRequestResponse({ description: 'operation-invalid: end not after start, end already past, unknown bureau…' })
  @ApiConflictResponse({ description: 'operation-exists' })
  create(@Body() dto: CreateOperationDto, @CurrentCaller() caller: Caller): Promise<OperationChangedDto> {
    return this.operations.create(dto, actorOf(caller));
  }

  @Patch(':id')
  @Audited('operation.amend', { target: 'id' })
  @Roles('coordinator')
  @ApiOperation({
    summary: 'Rename, add or remove participants, or extend the end of an operation this bureau coordinates',
  })
  @ApiOkResponse({ type: OperationChangedDto })
  @ApiBadRequestResponse({ description: 'operation-invalid' })
  @ApiNotFoundResponse({ description: 'operation-not-found' })
  @ApiConflictResponse({ description: 'operation-ended' })
  amend(
    @Param('id') id: string,
    @Body() dto: AmendOperationDto,
    @CurrentCaller() caller: Caller,
  ): Promise<OperationChangedDto> {
    return this.operations.amend(id, dto, actorOf(caller));
  }

  @Post(':id/end')
  @Audited('operation.end', { target: 'id' })
  @Roles('coordinator')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'End an operation this bureau coordinates now, with a reason: its alerts are refused from now',
  })
  @ApiOkResponse({ type: OperationChangedDto })
  @ApiNotFoundResponse({ description: 'operation-not-found' })
  @ApiConflictResponse({ description: 'operation-ended' })
  end(
    @Param('id') id: string,
    @Body() dto: EndOperationDto,
    @CurrentCaller() caller: Caller,
  ): Promise<OperationChangedDto> {
    return this.operations.end(id, dto.reason, actorOf(caller));
  }

  @Get(':id/report')
  @Audited('operation.report', { purpose: 'required', target: 'id' })
  @Roles('coordinator', 'officer', 'admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'The after-action report as this node holds it: the operation and its changes, alerts with each recipient’s state, replies, border-check hits here during it, outcomes (an export: x-purpose required)',
  })
  @ApiOkResponse({ type: OperationReportDto })
  @ApiNotFoundResponse({ description: 'operation-not-found: no such operation for this bureau' })
  async report(
    @Param('id') id: string,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OperationReportDto> {
    const report = await this.reports.report(id);
    if (query.download === 'true')
      response.setHeader('content-disposition', `attachment; filename="operation-${report.operation.id}-report.json"`);
    return report;
  }

  @Post(':id/alerts')
  @Audited('operation.alert', { target: 'id' })
  @Roles('coordinator', 'admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Broadcast an operation alert to the participants (coordinator only)',
    description:
      'Refused here at once (422, naming rule operation-alert-while-running) outside the operation’s time; the gateway decides per recipient: see recipients[].refusal at GET /api/messages/:id',
  })
  @ApiCreatedResponse({ type: AlertSentDto })
  @ApiUnprocessableEntityResponse({
    description: 'operation-not-running: rule operation-alert-while-running, the operation has ended or not started',
  })
  alert(@Param('id') id: string, @Body() dto: SendAlertDto): Promise<AlertSentDto> {
    return this.operations.alert(id, dto);
  }

  @Get(':id/alerts')
  @Audited('operation.alerts', { target: 'id' })
  @ApiOperation({ summary: 'Alerts of this operation received here' })
  @ApiOkResponse({ type: [AlertDto] })
  alerts(@Param('id') id: string): Promise<AlertDto[]> {
    return this.operations.alerts(id);
  }

  @Get(':id/alerts/sent')
  @Audited('operation.alerts-sent', { target: 'id' })
  @ApiOperation({
    summary:
      'Alerts sent from here (coordinator) with each participant’s state: delivered, receipted, or refused with the deciding rule',
  })
  @ApiOkResponse({ type: [SentMessageDto] })
  sentAlerts(@Param('id') id: string): Promise<SentMessageDto[]> {
    return this.operations.sentAlerts(id);
  }

  @Get(':id/replies')
  @Audited('operation.replies', { target: 'id' })
  @ApiOperation({ summary: 'Participants’ replies to this operation’s alerts (on the coordinator’s node)' })
  @ApiOkResponse({ type: [AlertDto] })
  replies(@Param('id') id: string): Promise<AlertDto[]> {
    return this.operations.replies(id);
  }

  @Post('alerts/:alertId/reply')
  @Audited('operation.reply', { target: 'alertId' })
  @Roles('officer', 'admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Reply to an alert (participant): a message to the coordinator with replyTo' })
  @ApiCreatedResponse({ type: AlertSentDto })
  reply(@Param('alertId') alertId: string, @Body() dto: ReplyDto): Promise<AlertSentDto> {
    return this.operations.reply(alertId, dto);
  }
}

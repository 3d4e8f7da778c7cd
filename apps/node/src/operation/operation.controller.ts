import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Audited, Roles } from '@bureaunet/platform';
import { SentMessageDto } from '../message/message.dto';
import { AlertDto, AlertSentDto, OperationDto, ReplyDto, SendAlertDto } from './operation.dto';
import { OperationService } from './operation.service';

@ApiTags('operations')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: "role-forbidden: the token's role may not call this route" })
@Roles('officer', 'coordinator', 'admin')
@Controller('api/operations')
export class OperationController {
  constructor(private readonly operations: OperationService) {}

  @Get()
  @Audited('operation.list')
  @ApiOperation({
    summary:
      'Operations this bureau coordinates or takes part in (created at the registry: POST /api/operations there)',
  })
  @ApiOkResponse({ type: [OperationDto] })
  list(): Promise<OperationDto[]> {
    return this.operations.list();
  }

  @Post(':id/alerts')
  @Audited('operation.alert', { target: 'id' })
  @Roles('coordinator', 'admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Broadcast an operation alert to the participants (coordinator only)',
    description:
      'The gateway refuses it per recipient after the end or to non-participants: see recipients[].refusal at GET /api/messages/:id',
  })
  @ApiCreatedResponse({ type: AlertSentDto })
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

import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Audited, Roles } from '@bureaunet/platform';
import { MessageService } from '../message/message.service';
import { PageQueryDto, SentMessagePageDto } from '../message/message.dto';
import { MessagePreviewDto, PreviewMessageDto } from './message-preview.dto';
import { MessagePreviewService } from './message-preview.service';
import { MessageCreatedDto, SendMessageDto } from './outbox.dto';
import { OutboxService } from './outbox.service';

@ApiTags('messages')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: "role-forbidden: the token's role may not call this route" })
@Roles('officer', 'admin')
@Controller('api/messages')
export class OutboxController {
  constructor(
    private readonly outbox: OutboxService,
    private readonly messages: MessageService,
    private readonly previews: MessagePreviewService,
  ) {}

  @Post('preview')
  @Audited('message.preview')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "What the gateway's access rules in force would decide for each recipient, before sending",
    description:
      'Asked of the gateway itself (same rules, directory and lineage it decides with); it informs only: ' +
      'the gateway decides again when the message arrives, and rate limits are not previewed.',
  })
  @ApiOkResponse({ type: MessagePreviewDto })
  @ApiBadRequestResponse({ description: 'A field is invalid ({code, reason} names it)' })
  @ApiServiceUnavailableResponse({ description: 'preview-unavailable: the gateway did not answer' })
  preview(@Body() request: PreviewMessageDto): Promise<MessagePreviewDto> {
    return this.previews.preview(request);
  }

  @Post()
  @Audited('message.send')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Seal (sign, encrypt per recipient) and send a message',
    description:
      'Stored before it is published: 201 means durable, even when the bus is down (the republisher sends it later). ' +
      "The gateway's rules are dry-run first (2 s at most): a send every recipient would be refused is refused at once, " +
      'and the 201 lists the refusals foreseen. A query or request gets meta.dueAt from its priority.',
  })
  @ApiCreatedResponse({ type: MessageCreatedDto })
  @ApiBadRequestResponse({ description: 'A field is invalid, or a recipient is unknown ({code, reason} names it)' })
  @ApiUnprocessableEntityResponse({
    description:
      "send-refused: the rules' dry-run says every recipient would be refused (each named with its rule); diffusion-includes-hub: a bureau's diffusion must name the hub",
  })
  @ApiServiceUnavailableResponse({ description: 'The registry directory is unavailable or stale' })
  send(@Body() request: SendMessageDto): Promise<MessageCreatedDto> {
    return this.outbox.send(request);
  }

  @Get()
  @Audited('message.list-sent')
  @ApiOperation({ summary: 'Messages sent from here, newest first (receipts left out)' })
  @ApiOkResponse({ type: SentMessagePageDto })
  list(@Query() query: PageQueryDto): Promise<SentMessagePageDto> {
    return this.messages.listSent(query);
  }
}

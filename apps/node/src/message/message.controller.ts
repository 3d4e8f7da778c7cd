import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { Audited, CurrentCaller, Roles, type Caller } from '@bureaunet/platform';
import { MessageIdParamDto, ReceivedMessageDto, SentMessageDto } from './message.dto';
import { JOSE_JSON, MessageService } from './message.service';

@ApiTags('messages')
@ApiExtraModels(SentMessageDto, ReceivedMessageDto)
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: "role-forbidden: the token's role may not call this route" })
@Roles('officer', 'admin')
@Controller('api/messages')
export class MessageController {
  constructor(private readonly messages: MessageService) {}

  @Get(':id')
  @Audited('message.open', { target: 'id' })
  @ApiOperation({ summary: 'A message sent or received here, with per-recipient states for a sent one' })
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(SentMessageDto) }, { $ref: getSchemaPath(ReceivedMessageDto) }] },
  })
  @ApiBadRequestResponse({ description: 'The id is not a UUID or a ULID' })
  @ApiNotFoundResponse({ description: 'No such message here' })
  get(
    @Param() params: MessageIdParamDto,
    @CurrentCaller() caller: Caller,
  ): Promise<SentMessageDto | ReceivedMessageDto> {
    return this.messages.get(params.id, caller);
  }

  @Get(':id/envelope')
  @Audited('message.envelope', { purpose: 'required', target: 'id' })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The signed envelope exactly as sent or received (flattened JWS JSON), for verification and evidence',
  })
  @ApiProduces(JOSE_JSON)
  @ApiOkResponse({
    description: 'The raw bytes, not re-serialized',
    content: { [JOSE_JSON]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiBadRequestResponse({ description: 'The id is not a UUID or a ULID' })
  @ApiNotFoundResponse({ description: 'No such message here' })
  envelope(@Param() params: MessageIdParamDto): Promise<StreamableFile> {
    return this.messages.envelope(params.id);
  }
}

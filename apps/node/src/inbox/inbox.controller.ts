import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Audited, CurrentCaller, Roles, type Caller } from '@bureaunet/platform';
import { InboxQueryDto, ReceivedMessagePageDto } from '../message/message.dto';
import { MessageService } from '../message/message.service';
import { RejectedDeliveryDto, RejectedQueryDto } from './inbox.dto';
import { RejectedDeliveryListService } from './rejected-delivery-list.service';

@ApiTags('inbox')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: "role-forbidden: the token's role may not call this route" })
@Roles('officer', 'admin')
@Controller('api/inbox')
export class InboxController {
  constructor(
    private readonly messages: MessageService,
    private readonly rejected: RejectedDeliveryListService,
  ) {}

  @Get()
  @Audited('inbox.list')
  @ApiOperation({
    summary: 'Messages received here (verified and decrypted), newest first; receipts left out',
    description:
      'Filters combine: kind, from, since/until (received), priority (meta.priority), q (body text), unread (a person). ' +
      'For a signed-in person each item says whether they have opened it (read).',
  })
  @ApiOkResponse({ type: ReceivedMessagePageDto })
  @ApiBadRequestResponse({
    description: 'A filter is invalid ({code, reason} names it), or unread asked by a machine client',
  })
  list(@Query() query: InboxQueryDto, @CurrentCaller() caller: Caller): Promise<ReceivedMessagePageDto> {
    return this.messages.listInbox(query, caller);
  }

  @Get('rejected')
  @Audited('inbox.rejected')
  @ApiOperation({ summary: 'Deliveries refused for good (bad signature, not for us, wrong receipt…), newest first' })
  @ApiOkResponse({ type: [RejectedDeliveryDto] })
  rejectedDeliveries(@Query() query: RejectedQueryDto): Promise<RejectedDeliveryDto[]> {
    return this.rejected.list(query);
  }
}

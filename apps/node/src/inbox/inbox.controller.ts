import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Audited, Roles } from '@bureaunet/platform';
import { PageQueryDto, ReceivedMessagePageDto } from '../message/message.dto';
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
  @ApiOperation({ summary: 'Messages received here (verified and decrypted), newest first; receipts left out' })
  @ApiOkResponse({ type: ReceivedMessagePageDto })
  list(@Query() query: PageQueryDto): Promise<ReceivedMessagePageDto> {
    return this.messages.listInbox(query);
  }

  @Get('rejected')
  @Audited('inbox.rejected')
  @ApiOperation({ summary: 'Deliveries refused for good (bad signature, not for us, wrong receipt…), newest first' })
  @ApiOkResponse({ type: [RejectedDeliveryDto] })
  rejectedDeliveries(@Query() query: RejectedQueryDto): Promise<RejectedDeliveryDto[]> {
    return this.rejected.list(query);
  }
}

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
import { Audited, Roles } from '@bureaunet/platform';
import { RequestListQueryDto, TrackedRequestDto } from './request.dto';
import { RequestService } from './request.service';

@ApiTags('requests')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: "role-forbidden: the token's role may not call this route" })
@Roles('officer', 'reviewer', 'admin')
@Controller('api/requests')
export class RequestController {
  constructor(private readonly requests: RequestService) {}

  @Get()
  @Audited('request.list')
  @ApiOperation({
    summary: 'Queries and requests received here with their deadlines, due first',
    description:
      'A query or request is answered once a query-result, or a message whose meta.replyTo names it, is sent from here; ' +
      'past its dueAt unanswered it is overdue, and the escalation job escalates it once to the reviewers.',
  })
  @ApiOkResponse({ type: [TrackedRequestDto] })
  @ApiBadRequestResponse({ description: '{code, reason}: the reason names the field' })
  list(@Query() query: RequestListQueryDto): Promise<TrackedRequestDto[]> {
    return this.requests.list(query);
  }
}

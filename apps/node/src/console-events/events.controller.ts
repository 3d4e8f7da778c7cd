import { Controller, Get, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Audited, CurrentCaller, Roles, type Caller } from '@bureaunet/platform';
import { EVENT_STREAM_ROLES } from './console-event.audience';
import { EventStreamService } from './event-stream.service';

@ApiTags('events')
@ApiBearerAuth()
@Controller('api/events')
export class EventsController {
  constructor(private readonly streams: EventStreamService) {}

  @Get()
  @Roles(...EVENT_STREAM_ROLES)
  @Audited('events.open')
  @ApiOperation({
    summary: "Live events for this node's consoles (server-sent events)",
    description:
      'Events: message {id, kind, from}, receipt {messageId, recipient, state}, refusal {messageId, recipient, rule?, reason}, ' +
      'notice, review, alert, hit, hit-answer — each only to the roles whose console shows it, each sent after the commit of ' +
      'what it reports. A comment line every heartbeat; `session-ended` then the end of the stream once the session is gone.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  @ApiUnauthorizedResponse({ description: 'token-missing | token-invalid | session-expired' })
  @ApiForbiddenResponse({ description: 'role-forbidden' })
  @ApiTooManyRequestsResponse({ description: 'too-many-streams: past the per-person or per-node bound' })
  stream(@Req() request: Request, @Res() response: Response, @CurrentCaller() caller: Caller): void {
    this.streams.serve(request, response, caller);
  }
}

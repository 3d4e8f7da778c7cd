import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { DocumentCheckRequest } from '@bureaunet/contracts';
import { Audited, CurrentCaller, Roles, type Caller } from '@bureaunet/platform';
import { checkAttribution } from './check-attribution';
import { DocumentCheckAnswerDto, DocumentCheckRequestDto } from './document-check.dto';
import { DocumentCheckService } from './document-check.service';

@ApiTags('checks')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: "role-forbidden: the token's role may not call this route" })
@Controller('api/checks')
export class DocumentCheckController {
  constructor(private readonly checks: DocumentCheckService) {}

  @Post('document')
  @Audited('check.document', { purpose: { default: 'border check' } })
  @HttpCode(200)
  @Roles('border-officer', 'officer')
  @ApiOperation({
    summary:
      'Checks a travel document against the stolen and lost travel documents index (this node’s replica); the number leaves the node only blinded',
  })
  @ApiOkResponse({ type: DocumentCheckAnswerDto, description: 'hit, no-hit, or undetermined (evaluator unreachable)' })
  @ApiBadRequestResponse({
    description:
      'invalid-request; an MRZ refused (mrz-lines, mrz-format, mrz-check-digit, mrz-field: with field and at {line, position}); issuer-unknown, issuer-not-member; document-number-invalid',
  })
  @ApiResponse({ status: 429, description: 'rate-limited: the evaluator limits this bureau’s checks' })
  document(
    @Body() body: DocumentCheckRequestDto,
    @CurrentCaller() caller: Caller | undefined,
  ): Promise<DocumentCheckAnswerDto> {
    const request = body as DocumentCheckRequest;
    const { actor, place } = checkAttribution(caller, request.place);
    return this.checks.check({ ...request, ...(place !== undefined && { place }) }, actor);
  }
}

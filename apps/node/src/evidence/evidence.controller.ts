import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { EvidenceBundle } from '@bureaunet/evidence';
import { Audited, Roles } from '@bureaunet/platform';
import { MessageIdParamDto } from '../message/message.dto';
import { EvidenceQueryDto } from './evidence.dto';
import { EvidenceExportService } from './evidence-export.service';

/** Names the pieces a bundle from this node leaves out by design (a recipient's node holds no reports). */
export const EVIDENCE_OMITTED_HEADER = 'x-evidence-omitted';

@ApiTags('messages')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: "role-forbidden: the token's role may not call this route" })
@Roles('officer', 'admin', 'auditor')
@Controller('api/messages')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceExportService) {}

  @Get(':id/evidence')
  @Audited('message.evidence', { purpose: 'required', target: 'id' })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The evidence bundle of a message sent or received here (bureaunet-evidence/1, docs/evidence.md)',
    description:
      'An export: x-purpose required of a person. Checked against the format before it is served. At a recipient’s node the bundle holds no delivery report and only its own receipt: the x-evidence-omitted header says so.',
  })
  @ApiOkResponse({ description: 'The bundle', schema: { type: 'object', additionalProperties: true } })
  @ApiBadRequestResponse({ description: 'invalid-request | evidence-of-receipt | purpose-required' })
  @ApiNotFoundResponse({ description: 'message-not-found' })
  @ApiConflictResponse({
    description: 'evidence-incomplete (names the piece: no report yet, a certificate gone, …) | plaintext-not-held',
  })
  @ApiServiceUnavailableResponse({
    description:
      'evidence-source-unavailable: the gateway or registry is not configured, unreachable or answered wrongly',
  })
  async export(
    @Param() params: MessageIdParamDto,
    @Query() query: EvidenceQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EvidenceBundle> {
    const { bundle, omitted } = await this.evidence.export(params.id, { plaintext: query.plaintext === 'true' });
    if (omitted.length > 0) response.setHeader(EVIDENCE_OMITTED_HEADER, omitted.join('; '));
    return bundle;
  }
}

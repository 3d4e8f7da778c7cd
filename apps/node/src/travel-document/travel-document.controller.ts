import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Audited, Roles } from '@bureaunet/platform';
import {
  DocumentNumberParamDto,
  OwnTravelDocumentDto,
  OwnTravelDocumentPageDto,
  ReportTravelDocumentsDto,
  TravelDocumentChangeDto,
  TravelDocumentPageQueryDto,
} from './travel-document.dto';
import { TravelDocumentService } from './travel-document.service';

@ApiTags('travel-documents')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: "role-forbidden: the token's role may not call this route" })
@Roles('officer', 'admin')
@Controller('api/travel-documents')
export class TravelDocumentController {
  constructor(private readonly documents: TravelDocumentService) {}

  @Post()
  @Audited('travel-document.import')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      "Report this bureau's stolen, lost… travel documents (or change them): the hub gets only sealed index entries",
  })
  @ApiCreatedResponse({ type: TravelDocumentChangeDto, description: 'Stored with their envelopes, sendable' })
  @ApiBadRequestResponse({ description: '{code, reason}: the reason names the field (records.<i>.issuingCountry…)' })
  @ApiForbiddenResponse({ description: 'role-forbidden, or bureau-only: the hub issues no documents' })
  @ApiServiceUnavailableResponse({ description: 'evaluator-unavailable | records-busy: nothing was stored' })
  report(@Body() dto: ReportTravelDocumentsDto): Promise<TravelDocumentChangeDto> {
    return this.documents.report(dto.records);
  }

  @Get()
  @Audited('travel-document.list')
  @ApiOperation({ summary: "This bureau's own travel-document records, by number" })
  @ApiOkResponse({ type: OwnTravelDocumentPageDto })
  list(@Query() query: TravelDocumentPageQueryDto): Promise<OwnTravelDocumentPageDto> {
    return this.documents.list(query);
  }

  @Get(':documentNumber')
  @Audited('travel-document.show')
  @ApiOperation({ summary: 'One of this bureau’s travel-document records' })
  @ApiOkResponse({ type: OwnTravelDocumentDto })
  @ApiNotFoundResponse({ description: 'travel-document-not-found' })
  get(@Param() params: DocumentNumberParamDto): Promise<OwnTravelDocumentDto> {
    return this.documents.get(params.documentNumber);
  }

  @Delete(':documentNumber')
  @Audited('travel-document.withdraw')
  @ApiOperation({ summary: 'Withdraw a record entered by mistake: every replica forgets it' })
  @ApiOkResponse({ type: TravelDocumentChangeDto })
  @ApiNotFoundResponse({ description: 'travel-document-not-found' })
  @ApiConflictResponse({ description: 'travel-document-withdrawn' })
  withdraw(@Param() params: DocumentNumberParamDto): Promise<TravelDocumentChangeDto> {
    return this.documents.withdraw(params.documentNumber);
  }
}
